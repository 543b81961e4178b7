package com.acme.orders.domain.order;

/** Rule: only an order in processing can be completed. */
public final class OrderNotCompletableException extends IllegalOrderTransitionException {

    OrderNotCompletableException(OrderStatus current) {
        super(
                current,
                OrderStatus.COMPLETED,
                "only an order in processing can be completed; this order is " + current.code());
    }
}
