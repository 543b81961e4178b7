package com.acme.orders.domain.order;

import com.acme.orders.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * An order: what a user bought, for how much, and where it is in its life cycle. Immutable: a transition returns the
 * order in its new state, after the state machine of {@link OrderStatus} allowed the move.
 */
public final class Order {

    private final OrderId id;
    private final UserId ownerId;
    private final ProductName productName;
    private final Amount amount;
    private final OrderStatus status;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Order(
            OrderId id,
            UserId ownerId,
            ProductName productName,
            Amount amount,
            OrderStatus status,
            Instant createdAt,
            Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.ownerId = Objects.requireNonNull(ownerId, "ownerId");
        this.productName = Objects.requireNonNull(productName, "productName");
        this.amount = Objects.requireNonNull(amount, "amount");
        this.status = Objects.requireNonNull(status, "status");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new order, pending, placed now by its owner. */
    public static Order place(OrderId id, UserId ownerId, ProductName productName, Amount amount, Instant now) {
        return new Order(id, ownerId, productName, amount, OrderStatus.PENDING, now, now);
    }

    /** An order as storage holds it; no rule is applied, storage holds only what the rules let through. */
    public static Order restore(
            OrderId id,
            UserId ownerId,
            ProductName productName,
            Amount amount,
            OrderStatus status,
            Instant createdAt,
            Instant updatedAt) {
        return new Order(id, ownerId, productName, amount, status, createdAt, updatedAt);
    }

    /** The owner cancels: allowed only while pending. */
    public Order cancel(Instant at) {
        return moveTo(OrderStatus.CANCELLED, at);
    }

    /** The processing job takes the order: allowed only while pending. */
    public Order startProcessing(Instant at) {
        return moveTo(OrderStatus.PROCESSING, at);
    }

    /** The processing job finishes the order: allowed only while processing. */
    public Order complete(Instant at) {
        return moveTo(OrderStatus.COMPLETED, at);
    }

    private Order moveTo(OrderStatus next, Instant at) {
        if (!status.canMoveTo(next)) {
            throw IllegalOrderTransitionException.of(status, next);
        }
        return new Order(id, ownerId, productName, amount, next, createdAt, at);
    }

    public boolean isOwnedBy(UserId userId) {
        return ownerId.equals(userId);
    }

    public OrderId id() {
        return id;
    }

    public UserId ownerId() {
        return ownerId;
    }

    public ProductName productName() {
        return productName;
    }

    public Amount amount() {
        return amount;
    }

    public OrderStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Order that
                && id.equals(that.id)
                && ownerId.equals(that.ownerId)
                && productName.equals(that.productName)
                && amount.equals(that.amount)
                && status == that.status
                && createdAt.equals(that.createdAt)
                && updatedAt.equals(that.updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, ownerId, status, updatedAt);
    }

    @Override
    public String toString() {
        return "Order[id=" + id + ", owner=" + ownerId + ", status=" + status.code() + ", amount=" + amount + "]";
    }
}
