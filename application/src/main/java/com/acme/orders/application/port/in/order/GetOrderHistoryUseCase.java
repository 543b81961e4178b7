package com.acme.orders.application.port.in.order;

import com.acme.orders.domain.order.StatusChange;
import java.util.List;

/** Every status change of one of the caller's orders, oldest first. */
public interface GetOrderHistoryUseCase {

    /**
     * The order's history, oldest first.
     *
     * @throws OrderNotFoundException when there is no such order or it belongs to someone else
     */
    List<StatusChange> history(OrderQuery query);
}
