package com.acme.orders.application.port.out;

import com.acme.orders.application.port.PageCursor;
import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.order.OrderId;
import com.acme.orders.domain.order.OrderStatus;
import com.acme.orders.domain.order.StatusChange;
import com.acme.orders.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where orders and their status histories are kept. */
public interface OrderRepository {

    /** A fresh identity for an order about to be placed; never handed out twice. */
    OrderId nextId();

    /** Stores a newly placed order together with the first entry of its history ({@link StatusChange#placement}). */
    void add(Order order);

    Optional<Order> findById(OrderId id);

    /**
     * One page of an owner's orders in the order {@code (createdAt, id)} descending, starting strictly after
     * {@code after} when given, at most {@code limit} of them; and how many of the owner's orders match the status
     * filter in all, read in the same snapshot.
     */
    Slice findPage(UserId ownerId, Optional<OrderStatus> status, Optional<PageCursor> after, int limit);

    /** A page's orders and the count of all matching orders. */
    record Slice(List<Order> orders, long total) {

        public Slice {
            orders = List.copyOf(orders);
        }
    }

    /**
     * Applies a status change to one of an owner's orders as <em>one conditional update</em>: the order moves only if,
     * at that instant, it belongs to {@code ownerId} and is in {@code change.from()}. The new status and the history
     * entry are stored together. Two callers racing for one order never both succeed.
     *
     * @return the order in its new state, or empty when no order matched (missing, someone else's, or not in
     *     {@code change.from()} any more)
     */
    Optional<Order> applyIfCurrent(OrderId id, UserId ownerId, StatusChange change);

    /**
     * The processing job's batch step, as <em>one statement</em>: takes up to {@code limit} orders that are in
     * {@code change.from()} and whose last change ({@code updatedAt}) is at or before {@code changedAtOrBefore},
     * oldest first, skips those another transaction holds locked ({@code FOR UPDATE SKIP LOCKED}), and applies
     * {@code change} to each, with its history entry. Several callers at once never take the same order, and a
     * concurrent cancel either wins the order or finds it taken.
     *
     * <p>Because locked orders are skipped, fewer than {@code limit} ids do not prove that none is left; the caller's
     * next run takes what was skipped.
     *
     * @return the ids of the orders moved, at most {@code limit}, in no particular order
     * @throws IllegalArgumentException for a change without a from-state (a placement) or a negative limit
     */
    List<OrderId> applyToOldest(StatusChange change, Instant changedAtOrBefore, int limit);

    /**
     * Applies {@code change}, with its history entry, to those of {@code ids} that are still in
     * {@code change.from()}, as one statement; the others are left as they are.
     *
     * @return how many orders moved
     */
    int applyToEach(List<OrderId> ids, StatusChange change);

    /** Every status change of an order, oldest first; empty for an unknown order. */
    List<StatusChange> history(OrderId id);
}
