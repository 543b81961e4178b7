package com.acme.orders.application.port.in.account;

import java.time.Duration;
import java.util.Objects;

/**
 * A log-in or registration refused by the log-in limits before any work was done: too many requests from the client
 * address, or too many failed log-ins on the account. The message says which, in words a client may read.
 */
public final class TooManyAttemptsException extends RuntimeException {

    private final Duration retryAfter;

    private TooManyAttemptsException(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public static TooManyAttemptsException fromAddress(Duration retryAfter) {
        return new TooManyAttemptsException(
                "Too many log-in or registration attempts from this address; retry later.", retryAfter);
    }

    public static TooManyAttemptsException onAccount(Duration retryAfter) {
        return new TooManyAttemptsException("Too many failed log-ins for this account; retry later.", retryAfter);
    }

    /** How long until the limit that refused has an attempt again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
