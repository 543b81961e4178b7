package com.acme.orders.domain.order;

/** Rule: only a pending order can start processing. */
public final class OrderNotProcessableException extends IllegalOrderTransitionException {

    OrderNotProcessableException(OrderStatus current) {
        super(
                current,
                OrderStatus.PROCESSING,
                "only a pending order can start processing; this order is " + current.code());
    }
}
