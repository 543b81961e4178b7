package com.acme.orders.domain.webhook;

import com.acme.orders.domain.shared.InvalidValueException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When a failed delivery is tried again: {@code base} after the first attempt, doubling after each further one, never
 * more than {@link #LONGEST_DELAY}; after {@code maxAttempts} attempts it is given up.
 */
public record RetrySchedule(Duration base, int maxAttempts) {

    /** The longest wait between two attempts. */
    public static final Duration LONGEST_DELAY = Duration.ofHours(6);

    public RetrySchedule {
        Objects.requireNonNull(base, "base");
        if (!base.isPositive() || base.compareTo(LONGEST_DELAY) > 0) {
            throw InvalidValueException.because("the retry base must be positive and at most " + LONGEST_DELAY);
        }
        if (maxAttempts < 1) {
            throw InvalidValueException.because("at least one attempt must be made");
        }
    }

    /**
     * How long to wait after failed attempt number {@code attempt} (1 for the first) before the next one; empty when
     * it was the last.
     */
    public Optional<Duration> delayAfter(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1: " + attempt);
        }
        if (attempt >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = base;
        for (int doubled = 1; doubled < attempt; doubled++) {
            delay = delay.multipliedBy(2);
            if (delay.compareTo(LONGEST_DELAY) >= 0) {
                return Optional.of(LONGEST_DELAY);
            }
        }
        return Optional.of(delay);
    }
}
