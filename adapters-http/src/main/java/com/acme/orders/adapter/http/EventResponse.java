package com.acme.orders.adapter.http;

import com.acme.orders.domain.order.OrderEvent;
import java.time.Instant;

/**
 * An order event as the API shows it, in {@code GET /events} and in a webhook's body: {@code data} is the order as
 * {@code GET /orders/{id}} answered right after the change.
 */
record EventResponse(String id, String type, Instant createdAt, int sequence, OrderResponse data) {

    /** The prefix of every event id: the number after it is the event's own. */
    static final String ID_PREFIX = "evt_";

    static EventResponse from(OrderEvent event) {
        return new EventResponse(
                ID_PREFIX + event.id(),
                event.type().code(),
                event.createdAt(),
                event.sequence(),
                OrderResponse.from(event.order()));
    }
}
