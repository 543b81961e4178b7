package com.acme.orders.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits on log-in and registration, which hold across every instance sharing the database ({@link LoginLimits}).
 *
 * @param requestsPerMinutePerAddress log-in and registration requests together, per client address, per minute
 * @param failuresPerAccount failed log-ins per account (normalised email) within {@code failureWindow}; a successful
 *     log-in clears the account's count
 * @param failureWindow the time over which {@code failuresPerAccount} refill
 */
public record LoginLimitSettings(int requestsPerMinutePerAddress, int failuresPerAccount, Duration failureWindow) {

    /** 20 requests a minute per address, 5 failed log-ins per account per 15 minutes. */
    public static final LoginLimitSettings DEFAULTS = new LoginLimitSettings(20, 5, Duration.ofMinutes(15));

    public LoginLimitSettings {
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
