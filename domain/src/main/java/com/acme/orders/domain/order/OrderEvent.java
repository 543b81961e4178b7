package com.acme.orders.domain.order;

import com.acme.orders.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.Objects;

/**
 * One status change of an order told to its owner: the order as it was right after the change, and the change's
 * place in the order's history ({@link StatusChange#sequence}). The type and the time follow from the order: the
 * change left it in its {@code status}, at its {@code updatedAt}.
 *
 * @param id the event's identity: positive, never reused
 */
public record OrderEvent(long id, int sequence, Order order) {

    public OrderEvent {
        if (id <= 0) {
            throw InvalidValueException.because("must be a positive integer");
        }
        Objects.requireNonNull(order, "order");
        if (sequence < 1) {
            throw InvalidValueException.because("must be a positive integer");
        }
    }

    /** The event of {@code change}, which left an order as {@code after}. */
    public static OrderEvent of(long id, StatusChange change, Order after) {
        if (after.status() != change.to() || !after.updatedAt().equals(change.at())) {
            throw new IllegalArgumentException(after + " is not the order as " + change + " left it");
        }
        return new OrderEvent(id, change.sequence(), after);
    }

    public OrderEventType type() {
        return OrderEventType.reaching(order.status());
    }

    public Instant createdAt() {
        return order.updatedAt();
    }
}
