package com.acme.orders.application.testing;

import com.acme.orders.application.port.PageCursor;
import com.acme.orders.application.port.out.OrderRepository;
import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.order.OrderEvent;
import com.acme.orders.domain.order.OrderId;
import com.acme.orders.domain.order.OrderStatus;
import com.acme.orders.domain.order.StatusChange;
import com.acme.orders.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Orders, their histories and their events in an {@link InMemoryStore}. As strict as the real store: an order must belong to a
 * stored user (the foreign key) and be newly placed, and its id must be new.
 */
public final class InMemoryOrderRepository implements OrderRepository {

    /** The list's order: {@code (createdAt, id)} descending. */
    private static final Comparator<Order> NEWEST_FIRST = Comparator.comparing(Order::createdAt)
            .thenComparingLong(order -> order.id().value())
            .reversed();

    /** The processing job's order: {@code (updatedAt, id)} ascending, the last change first. */
    private static final Comparator<Order> OLDEST_CHANGE_FIRST = Comparator.comparing(Order::updatedAt)
            .thenComparingLong(order -> order.id().value());

    private final InMemoryStore store;

    public InMemoryOrderRepository(InMemoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public OrderId nextId() {
        return store.nextOrderId();
    }

    @Override
    public void add(Order order) {
        Objects.requireNonNull(order, "order");
        if (order.status() != OrderStatus.PENDING || !order.createdAt().equals(order.updatedAt())) {
            throw new IllegalArgumentException("only a newly placed order can be added: " + order);
        }
        store.locked(tables -> {
            if (tables.ordersById.containsKey(order.id())) {
                throw new IllegalStateException("order " + order.id() + " is already stored");
            }
            if (!tables.usersById.containsKey(order.ownerId())) {
                throw new IllegalStateException("order " + order.id() + " refers to unknown user " + order.ownerId());
            }
            StatusChange placement = StatusChange.placement(order.createdAt());
            tables.ordersById.put(order.id(), order);
            tables.histories.put(order.id(), List.of(placement));
            tables.events.add(OrderEvent.of(store.nextEventId(), placement, order));
            return null;
        });
    }

    @Override
    public Optional<Order> findById(OrderId id) {
        Objects.requireNonNull(id, "id");
        return store.locked(tables -> Optional.ofNullable(tables.ordersById.get(id)));
    }

    @Override
    public Slice findPage(UserId ownerId, Optional<OrderStatus> status, Optional<PageCursor> after, int limit) {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(after, "after");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        Predicate<Order> matches = order -> order.isOwnedBy(ownerId)
                && status.map(wanted -> order.status() == wanted).orElse(true);
        return store.locked(tables -> {
            List<Order> matching =
                    tables.ordersById.values().stream().filter(matches).toList();
            List<Order> page = matching.stream()
                    .filter(order -> after.map(cursor -> isAfter(order, cursor)).orElse(true))
                    .sorted(NEWEST_FIRST)
                    .limit(limit)
                    .toList();
            return new Slice(page, matching.size());
        });
    }

    /** Whether the order comes strictly after the cursor in the order {@code (createdAt, id)} descending. */
    private static boolean isAfter(Order order, PageCursor cursor) {
        Instant createdAt = order.createdAt();
        return createdAt.isBefore(cursor.createdAt())
                || (createdAt.equals(cursor.createdAt())
                        && order.id().value() < cursor.id().value());
    }

    @Override
    public Optional<Order> applyIfCurrent(OrderId id, UserId ownerId, StatusChange change) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(change, "change");
        return store.locked(tables -> {
            Order current = tables.ordersById.get(id);
            if (current == null || !current.isOwnedBy(ownerId) || current.status() != change.from()) {
                return Optional.empty();
            }
            return Optional.of(move(tables, current, change));
        });
    }

    /**
     * Takes and moves the oldest matching orders in one step under the store's lock, so concurrent callers, and a
     * concurrent cancel, are serialised: none can take an order another has moved.
     */
    @Override
    public List<OrderId> applyToOldest(StatusChange change, Instant changedAtOrBefore, int limit) {
        requireOrigin(change);
        Objects.requireNonNull(changedAtOrBefore, "changedAtOrBefore");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return store.locked(tables -> {
            List<Order> taken = tables.ordersById.values().stream()
                    .filter(order -> order.status() == change.from())
                    .filter(order -> !order.updatedAt().isAfter(changedAtOrBefore))
                    .sorted(OLDEST_CHANGE_FIRST)
                    .limit(limit)
                    .toList();
            taken.forEach(order -> move(tables, order, change));
            return taken.stream().map(Order::id).toList();
        });
    }

    @Override
    public int applyToEach(List<OrderId> ids, StatusChange change) {
        requireOrigin(change);
        Set<OrderId> distinct = new LinkedHashSet<>(List.copyOf(ids));
        return store.locked(tables -> {
            int moved = 0;
            for (OrderId id : distinct) {
                Order current = tables.ordersById.get(id);
                if (current != null && current.status() == change.from()) {
                    move(tables, current, change);
                    moved++;
                }
            }
            return moved;
        });
    }

    private static void requireOrigin(StatusChange change) {
        Objects.requireNonNull(change, "change");
        if (change.from() == null) {
            throw new IllegalArgumentException("a placement is not applied to stored orders: " + change);
        }
    }

    /**
     * Stores the order in its new state and appends the change to its history and its event to the feed; the caller
     * holds the lock.
     */
    private Order move(InMemoryStore.Tables tables, Order current, StatusChange change) {
        Order moved = current.apply(change);
        tables.ordersById.put(moved.id(), moved);
        List<StatusChange> history = new ArrayList<>(tables.histories.get(moved.id()));
        history.add(change);
        tables.histories.put(moved.id(), List.copyOf(history));
        tables.events.add(OrderEvent.of(store.nextEventId(), change, moved));
        return moved;
    }

    @Override
    public List<StatusChange> history(OrderId id) {
        Objects.requireNonNull(id, "id");
        return store.locked(tables -> tables.histories.getOrDefault(id, List.of()));
    }
}
