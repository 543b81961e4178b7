package com.acme.orders.adapter.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits on {@code POST /auth/login} and {@code POST /auth/register}, kept in memory by each instance: a cluster of
 * {@code n} instances lets through up to {@code n} times these numbers.
 *
 * @param requestsPerMinutePerAddress log-in and registration requests together, per client address, per minute
 * @param failuresPerAccount failed log-ins per account (normalised email) within {@code failureWindow}; a successful
 *     log-in clears the account's count
 * @param failureWindow the time over which {@code failuresPerAccount} refill
 */
public record LoginThrottleSettings(int requestsPerMinutePerAddress, int failuresPerAccount, Duration failureWindow) {

    /** 20 requests a minute per address, 5 failed log-ins per account per 15 minutes. */
    public static final LoginThrottleSettings DEFAULTS = new LoginThrottleSettings(20, 5, Duration.ofMinutes(15));

    public LoginThrottleSettings {
        Objects.requireNonNull(failureWindow, "failureWindow");
        if (requestsPerMinutePerAddress < 1) {
            throw new IllegalArgumentException("requestsPerMinutePerAddress must be at least 1");
        }
        if (failuresPerAccount < 1) {
            throw new IllegalArgumentException("failuresPerAccount must be at least 1");
        }
        if (failureWindow.isNegative() || failureWindow.isZero()) {
            throw new IllegalArgumentException("failureWindow must be positive");
        }
    }
}
