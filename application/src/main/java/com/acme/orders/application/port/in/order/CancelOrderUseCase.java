package com.acme.orders.application.port.in.order;

import com.acme.orders.domain.order.Order;

/** The owner cancels a pending order. */
public interface CancelOrderUseCase {

    /**
     * Cancels the order if it is still pending.
     *
     * @return the order, now cancelled
     * @throws OrderNotFoundException when there is no such order or it belongs to someone else
     * @throws com.acme.orders.domain.order.OrderNotCancellableException when it is no longer pending
     */
    Order cancel(CancelOrderCommand command);
}
