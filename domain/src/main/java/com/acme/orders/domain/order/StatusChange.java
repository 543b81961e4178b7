package com.acme.orders.domain.order;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an order's history. {@code from} is empty only for the first entry, the order's placement.
 */
public record StatusChange(OrderStatus from, OrderStatus to, Instant at, Actor actor) {

    public StatusChange {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        if (from != null && !from.canMoveTo(to)) {
            throw IllegalOrderTransitionException.of(from, to);
        }
        if (from == null && to != OrderStatus.PENDING) {
            throw IllegalOrderTransitionException.of(null, to);
        }
    }

    /** The entry that opens every history: the order placed, by its owner. */
    public static StatusChange placement(Instant at) {
        return new StatusChange(null, OrderStatus.PENDING, at, Actor.USER);
    }

    /** The owner cancels a pending order. */
    public static StatusChange cancellation(Instant at) {
        return new StatusChange(OrderStatus.PENDING, OrderStatus.CANCELLED, at, Actor.USER);
    }

    /** The processing job takes a pending order. */
    public static StatusChange processingStart(Instant at) {
        return new StatusChange(OrderStatus.PENDING, OrderStatus.PROCESSING, at, Actor.SYSTEM);
    }

    /** The processing job finishes an order in processing. */
    public static StatusChange completion(Instant at) {
        return new StatusChange(OrderStatus.PROCESSING, OrderStatus.COMPLETED, at, Actor.SYSTEM);
    }

    /** Whether this change may be applied to the order: it must be in the state this change starts from. */
    public boolean appliesTo(Order order) {
        return from == order.status();
    }
}
