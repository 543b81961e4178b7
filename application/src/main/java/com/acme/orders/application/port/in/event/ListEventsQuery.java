package com.acme.orders.application.port.in.event;

import com.acme.orders.application.port.EventCursor;
import com.acme.orders.domain.shared.InvalidValueException;
import com.acme.orders.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/** Which of a user's events: those after a cursor the user was given (from the start when empty), 1 to 100 of them. */
public record ListEventsQuery(UserId ownerId, Optional<EventCursor> after, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public ListEventsQuery {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(after, "after");
        checkedLimit(limit);
    }

    /** The page size, if it is one: 1 to {@value #MAX_LIMIT}. */
    public static int checkedLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidValueException.because("must be an integer between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    public static ListEventsQuery fromStart(UserId ownerId) {
        return new ListEventsQuery(ownerId, Optional.empty(), DEFAULT_LIMIT);
    }
}
