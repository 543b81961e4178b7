package com.acme.orders.application.service;

import com.acme.orders.application.port.EventCursor;
import com.acme.orders.application.port.in.event.EventPage;
import com.acme.orders.application.port.in.event.ListEventsQuery;
import com.acme.orders.application.port.in.event.ListEventsUseCase;
import com.acme.orders.application.port.out.OrderEventFeed;
import com.acme.orders.application.port.out.OrderEventFeed.PositionedEvent;
import com.acme.orders.application.port.out.OrderEventSignals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's order events, read from the feed the order changes write. A waiting read reads the feed again on every
 * signal and at least every {@link #RECHECK}, whether or not a signal came: a signal only makes it sooner.
 */
public final class EventService implements ListEventsUseCase {

    /** The longest a waiting read goes without reading the feed again. */
    static final Duration RECHECK = Duration.ofSeconds(1);

    private final OrderEventFeed feed;
    private final OrderEventSignals signals;
    private final Clock clock;

    public EventService(OrderEventFeed feed, OrderEventSignals signals, Clock clock) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.signals = Objects.requireNonNull(signals, "signals");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public EventPage list(ListEventsQuery query) throws InterruptedException {
        Instant deadline = clock.instant().plus(query.longestWait());
        List<PositionedEvent> found = read(query);
        Duration left = Duration.between(clock.instant(), deadline);
        while (found.isEmpty() && left.isPositive()) {
            signals.awaitNew(query.ownerId(), left.compareTo(RECHECK) < 0 ? left : RECHECK);
            found = read(query);
            left = Duration.between(clock.instant(), deadline);
        }
        EventCursor next = found.isEmpty() ? query.after() : found.getLast().position();
        return new EventPage(found.stream().map(PositionedEvent::event).toList(), next);
    }

    private List<PositionedEvent> read(ListEventsQuery query) {
        return feed.readAfter(query.ownerId(), Optional.of(query.after()), query.limit());
    }
}
