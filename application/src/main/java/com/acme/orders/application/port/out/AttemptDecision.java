package com.acme.orders.application.port.out;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link AttemptLimiter#tryAttempt} decided.
 *
 * @param allowed whether the attempt was counted and may go ahead
 * @param retryAfter when refused, how long until the limit has an attempt again (positive); zero when allowed
 */
public record AttemptDecision(boolean allowed, Duration retryAfter) {

    private static final AttemptDecision ALLOWED = new AttemptDecision(true, Duration.ZERO);

    public AttemptDecision {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (allowed != retryAfter.isZero() || retryAfter.isNegative()) {
            throw new IllegalArgumentException("an allowed attempt waits zero, a refused one a positive time");
        }
    }

    public static AttemptDecision allow() {
        return ALLOWED;
    }

    public static AttemptDecision refuse(Duration retryAfter) {
        return new AttemptDecision(false, retryAfter);
    }
}
