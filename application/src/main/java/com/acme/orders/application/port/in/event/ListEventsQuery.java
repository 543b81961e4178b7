package com.acme.orders.application.port.in.event;

import com.acme.orders.application.port.EventCursor;
import com.acme.orders.domain.shared.InvalidValueException;
import com.acme.orders.domain.user.UserId;
import java.time.Duration;
import java.util.Objects;

/**
 * Which of a user's events: those after a cursor the user was given ({@link EventCursor#START} for all), 1 to 100 of
 * them; and how long to wait for one when there is none yet, 0 to 30 seconds.
 */
public record ListEventsQuery(UserId ownerId, EventCursor after, int limit, Duration longestWait) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final Duration MAX_WAIT = Duration.ofSeconds(30);

    public ListEventsQuery {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(after, "after");
        checkedLimit(limit);
        checkedWait(longestWait);
    }

    /** The page size, if it is one: 1 to {@value #MAX_LIMIT}. */
    public static int checkedLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidValueException.because("must be an integer between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    /** The wait, if it is one: 0 to 30 seconds. */
    public static Duration checkedWait(Duration wait) {
        Objects.requireNonNull(wait, "wait");
        if (wait.isNegative() || wait.compareTo(MAX_WAIT) > 0) {
            throw InvalidValueException.because("must be an integer between 0 and " + MAX_WAIT.toSeconds());
        }
        return wait;
    }

    /** The first page, without waiting. */
    public static ListEventsQuery fromStart(UserId ownerId) {
        return new ListEventsQuery(ownerId, EventCursor.START, DEFAULT_LIMIT, Duration.ZERO);
    }
}
