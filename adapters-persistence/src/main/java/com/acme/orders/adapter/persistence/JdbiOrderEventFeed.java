package com.acme.orders.adapter.persistence;

import com.acme.orders.application.port.EventCursor;
import com.acme.orders.application.port.out.OrderEventFeed;
import com.acme.orders.domain.user.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The event feed in PostgreSQL: the order history, which {@link JdbiOrderRepository} writes in the statement of
 * each change, read in the order of the writing transactions ({@link EventDao#FEED}).
 */
public final class JdbiOrderEventFeed implements OrderEventFeed {

    private final EventDao dao;

    JdbiOrderEventFeed(Jdbi jdbi) {
        this.dao = new EventDao(jdbi);
    }

    @Override
    public List<PositionedEvent> readAfter(UserId ownerId, Optional<EventCursor> after, int limit) {
        Objects.requireNonNull(ownerId, "ownerId");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        if (limit == 0) {
            return List.of();
        }
        return dao
                .feed(
                        ownerId.value(),
                        after.map(EventCursor::transaction).orElse(0L),
                        after.map(EventCursor::eventId).orElse(0L),
                        limit)
                .stream()
                .map(EventRow::toPositionedEvent)
                .toList();
    }
}
