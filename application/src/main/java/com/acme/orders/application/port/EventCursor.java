package com.acme.orders.application.port;

import com.acme.orders.domain.shared.InvalidValueException;

/**
 * A place in a user's event feed: the last event a reader was handed. The feed is ordered by the transaction that
 * wrote each event, then by the event's id within it ({@code transaction} is the storage's own counter of
 * transactions, which grows with every transaction begun); a reader continues strictly after the cursor.
 */
public record EventCursor(long transaction, long eventId) {

    /** Before every event. */
    public static final EventCursor START = new EventCursor(0, 0);

    public EventCursor {
        if (transaction < 0 || eventId < 0) {
            throw InvalidValueException.because("must not be negative");
        }
    }
}
