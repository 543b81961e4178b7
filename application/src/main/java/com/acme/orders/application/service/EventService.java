package com.acme.orders.application.service;

import com.acme.orders.application.port.EventCursor;
import com.acme.orders.application.port.in.event.EventPage;
import com.acme.orders.application.port.in.event.ListEventsQuery;
import com.acme.orders.application.port.in.event.ListEventsUseCase;
import com.acme.orders.application.port.out.OrderEventFeed;
import com.acme.orders.application.port.out.OrderEventFeed.PositionedEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A user's order events, read from the feed the order changes write. */
public final class EventService implements ListEventsUseCase {

    private final OrderEventFeed feed;

    public EventService(OrderEventFeed feed) {
        this.feed = Objects.requireNonNull(feed, "feed");
    }

    @Override
    public EventPage list(ListEventsQuery query) {
        List<PositionedEvent> found = feed.readAfter(query.ownerId(), query.after(), query.limit());
        Optional<EventCursor> next =
                found.isEmpty() ? query.after() : Optional.of(found.getLast().position());
        return new EventPage(found.stream().map(PositionedEvent::event).toList(), next);
    }
}
