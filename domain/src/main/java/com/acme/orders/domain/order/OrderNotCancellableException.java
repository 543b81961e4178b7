package com.acme.orders.domain.order;

/** Rule: only a pending order can be cancelled. */
public final class OrderNotCancellableException extends IllegalOrderTransitionException {

    private OrderNotCancellableException(OrderStatus current) {
        super(current, OrderStatus.CANCELLED, "only a pending order can be cancelled; this order is " + current.code());
    }

    public static OrderNotCancellableException inStatus(OrderStatus current) {
        return new OrderNotCancellableException(current);
    }
}
