package com.acme.orders.domain.order;

import java.time.Instant;
import java.util.Objects;

/**
 * A move of an order from one status to another, by someone, at a time; also one entry of the order's history.
 * {@code from} is empty only for the first entry, the order's placement. The factories name the moves the use cases
 * make; the constructor refuses any move that {@link OrderStatus}'s table does not allow.
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

    /**
     * Where this change stands in its order's history: 1 for the placement, one more for each move after it. An
     * order's changes follow one path of the state machine from {@code pending}, and the target state alone fixes how
     * far along it a change is ({@link OrderStatus#movesFromPending}), so the number increases along every history
     * and never repeats within one.
     */
    public int sequence() {
        return to.movesFromPending() + 1;
    }

    /**
     * Why this change cannot be applied to an order in {@code current}: the rule it would break. For a repository's
     * conditional update that found the order in another status than {@link #from}.
     *
     * @throws IllegalArgumentException when {@code current} is the status this change starts from: nothing refuses it
     */
    public IllegalOrderTransitionException refusedFor(OrderStatus current) {
        if (current == from) {
            throw new IllegalArgumentException("an order in " + current.code() + " accepts " + this);
        }
        return IllegalOrderTransitionException.of(current, to);
    }
}
