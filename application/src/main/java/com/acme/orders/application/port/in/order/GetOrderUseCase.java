package com.acme.orders.application.port.in.order;

import com.acme.orders.domain.order.Order;

/** One of the caller's own orders. */
public interface GetOrderUseCase {

    /**
     * The order, if the requester owns it.
     *
     * @throws OrderNotFoundException when there is no such order or it belongs to someone else
     */
    Order get(OrderQuery query);
}
