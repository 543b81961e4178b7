package com.acme.orders.application.port.out;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code attempts} per {@code window}; each attempt used comes back after {@code window / attempts}.
 *
 * @param attempts the allowance of a key that has not been used for a whole window, at least 1
 * @param window the time over which a used-up allowance refills completely, at least one millisecond
 */
public record AttemptLimit(int attempts, Duration window) {

    public AttemptLimit {
        Objects.requireNonNull(window, "window");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("window must be at least one millisecond");
        }
    }
}
