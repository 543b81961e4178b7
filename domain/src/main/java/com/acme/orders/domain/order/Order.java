package com.acme.orders.domain.order;

import com.acme.orders.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * An order: what a user bought, for how much, and where it is in its life cycle. Immutable: {@link #apply} returns
 * the order in its new state. A rule that depends on the order's state (what it may still do) is a method here; a
 * move between states is a {@link StatusChange}.
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

    /**
     * This order with {@code change} applied: in the change's target status, last changed at the change's time. The
     * one way an order changes status; a repository applies the same rule in storage, as a conditional update.
     *
     * @throws IllegalOrderTransitionException naming the broken rule, when the order is not in the status the change
     *     starts from
     */
    public Order apply(StatusChange change) {
        if (change.from() != status) {
            throw change.refusedFor(status);
        }
        return new Order(id, ownerId, productName, amount, change.to(), createdAt, change.at());
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
