package com.acme.orders.adapter.http;

import com.acme.orders.domain.user.Email;
import java.time.Duration;

/**
 * Throttles log-in and registration per client address and failed log-ins per account (see
 * {@link LoginThrottleSettings}). A refusal is an {@link ApiException} answered with 429 and {@code Retry-After}.
 */
final class LoginThrottle {

    /** Keys kept per kind of bucket; a bucket is a few hundred bytes, so each map stays within a few tens of MB. */
    static final int MAX_KEYS = 50_000;

    private final BoundedBuckets addresses;
    private final BoundedBuckets accounts;

    LoginThrottle(LoginThrottleSettings settings) {
        this.addresses = new BoundedBuckets(settings.requestsPerMinutePerAddress(), Duration.ofMinutes(1), MAX_KEYS);
        this.accounts = new BoundedBuckets(settings.failuresPerAccount(), settings.failureWindow(), MAX_KEYS);
    }

    /** Counts one log-in or registration request from {@code address}; refuses it past the limit. */
    void admitAddress(String address) {
        long waitSeconds = addresses.tryTake(address);
        if (waitSeconds > 0) {
            throw ApiException.tooManyRequests(
                    "Too many log-in or registration attempts from this address; retry later.", waitSeconds);
        }
    }

    /**
     * Counts one log-in attempt on {@code account} (as if it will fail: attempts racing each other cannot exceed the
     * limit); refuses it once the failures allowed in the window are used up.
     */
    void admitAccount(Email account) {
        long waitSeconds = accounts.tryTake(account.lowerCase());
        if (waitSeconds > 0) {
            throw ApiException.tooManyRequests("Too many failed log-ins for this account; retry later.", waitSeconds);
        }
    }

    /** A successful log-in: the account's failures are forgotten. */
    void succeeded(Email account) {
        accounts.reset(account.lowerCase());
    }
}
