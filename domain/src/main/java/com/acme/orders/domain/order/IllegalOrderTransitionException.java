package com.acme.orders.domain.order;

/**
 * An order was asked to make a move its state machine does not allow. A subclass names a rule that a use case can
 * break ({@link OrderNotCancellableException}); this class itself stands for moves that only a bug would ask for.
 */
public class IllegalOrderTransitionException extends RuntimeException {

    private final OrderStatus from;
    private final OrderStatus to;

    IllegalOrderTransitionException(OrderStatus from, OrderStatus to, String message) {
        super(message, null, false, false);
        this.from = from;
        this.to = to;
    }

    /** The named exception for the move {@code from -> to}. */
    static IllegalOrderTransitionException of(OrderStatus from, OrderStatus to) {
        if (from == null) {
            return new IllegalOrderTransitionException(
                    null, to, "an order's history opens with pending, not " + to.code());
        }
        return switch (to) {
            case CANCELLED -> OrderNotCancellableException.inStatus(from);
            case PENDING ->
                new IllegalOrderTransitionException(
                        from, to, "an order cannot move from " + from.code() + " back to pending");
            case PROCESSING, COMPLETED ->
                new IllegalOrderTransitionException(
                        from, to, "an order cannot move from " + from.code() + " to " + to.code());
        };
    }

    /** The state the order was in; empty for a move that opens a history. */
    public OrderStatus from() {
        return from;
    }

    public OrderStatus to() {
        return to;
    }
}
