package com.acme.orders.application.testing;

import com.acme.orders.application.port.EventCursor;
import com.acme.orders.application.port.out.OrderEventFeed;
import com.acme.orders.domain.order.OrderEvent;
import com.acme.orders.domain.user.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The events {@link InMemoryOrderRepository} writes. Transactions run one at a time, so the order of writing is the
 * order of commits and is already gap-free: an event's position is its id, as the transaction and as the event.
 */
public final class InMemoryOrderEventFeed implements OrderEventFeed {

    private final InMemoryStore store;

    public InMemoryOrderEventFeed(InMemoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public List<PositionedEvent> readAfter(UserId ownerId, Optional<EventCursor> after, int limit) {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(after, "after");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return store.locked(tables -> tables.events.stream()
                .filter(event -> event.order().isOwnedBy(ownerId))
                .map(InMemoryOrderEventFeed::positioned)
                .filter(entry ->
                        after.map(cursor -> isAfter(entry.position(), cursor)).orElse(true))
                .limit(limit)
                .toList());
    }

    private static PositionedEvent positioned(OrderEvent event) {
        return new PositionedEvent(new EventCursor(event.id(), event.id()), event);
    }

    private static boolean isAfter(EventCursor position, EventCursor cursor) {
        return position.transaction() > cursor.transaction()
                || (position.transaction() == cursor.transaction() && position.eventId() > cursor.eventId());
    }
}
