package com.acme.orders.application.port.in.event;

import com.acme.orders.application.port.EventCursor;
import com.acme.orders.domain.order.OrderEvent;
import java.util.List;
import java.util.Objects;

/**
 * Some of a user's events, oldest first, and where to continue: after the last of them, or where the query started
 * when there was none.
 */
public record EventPage(List<OrderEvent> events, EventCursor next) {

    public EventPage {
        events = List.copyOf(events);
        Objects.requireNonNull(next, "next");
    }
}
