package com.acme.orders.application.port.out;

import com.acme.orders.application.port.EventCursor;
import com.acme.orders.domain.order.OrderEvent;
import com.acme.orders.domain.user.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The events of every status change, as stored by {@link OrderRepository} in the same write as the change itself:
 * an event exists exactly when its change committed. Read per owner, in a fixed order that a reader can page
 * through without ever missing one.
 */
public interface OrderEventFeed {

    /**
     * Up to {@code limit} of the owner's events strictly after {@code after} (from the start when empty), in feed
     * order, each with its position. Gap-free: an event that commits after this read never takes a place before an
     * event this read returned, so a reader that continues from the last position it got never skips one. An event
     * whose transaction is still open, or only just committed, may appear a read later.
     */
    List<PositionedEvent> readAfter(UserId ownerId, Optional<EventCursor> after, int limit);

    /** An event and its place in the feed. */
    record PositionedEvent(EventCursor position, OrderEvent event) {

        public PositionedEvent {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(event, "event");
        }
    }
}
