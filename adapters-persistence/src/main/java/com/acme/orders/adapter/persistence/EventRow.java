package com.acme.orders.adapter.persistence;

import com.acme.orders.application.port.EventCursor;
import com.acme.orders.application.port.out.OrderEventFeed.PositionedEvent;
import com.acme.orders.domain.order.OrderEvent;

/**
 * An event as {@link EventDao#FEED} reads it: the history row's id and sequence, its writing transaction, and the
 * order as the change left it.
 */
record EventRow(long eventId, long xid, int sequence, OrderRow order) {

    PositionedEvent toPositionedEvent() {
        return new PositionedEvent(new EventCursor(xid, eventId), new OrderEvent(eventId, sequence, order.toOrder()));
    }
}
