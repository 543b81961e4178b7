package com.acme.orders.application.service;

import com.acme.orders.application.port.in.account.ClientAddress;
import com.acme.orders.application.port.in.account.TooManyAttemptsException;
import com.acme.orders.application.port.out.AttemptDecision;
import com.acme.orders.application.port.out.AttemptLimit;
import com.acme.orders.application.port.out.AttemptLimiter;
import com.acme.orders.domain.user.Email;
import java.time.Duration;
import java.util.Objects;

/**
 * The rules of log-in and registration throttling, counted by an {@link AttemptLimiter} that every instance shares:
 * requests per client address, and failed log-ins per account. A refusal is a {@link TooManyAttemptsException}; a
 * limiter that cannot be reached fails the request ({@code StorageUnavailableException}): no attempt goes uncounted.
 */
public final class LoginLimits {

    private static final String ADDRESS = "address:";
    private static final String ACCOUNT = "account:";

    private final AttemptLimiter limiter;
    private final AttemptLimit perAddress;
    private final AttemptLimit perAccount;

    public LoginLimits(AttemptLimiter limiter, LoginLimitSettings settings) {
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.perAddress = new AttemptLimit(settings.requestsPerMinutePerAddress(), Duration.ofMinutes(1));
        this.perAccount = new AttemptLimit(settings.failuresPerAccount(), settings.failureWindow());
    }

    /** Counts one log-in or registration from {@code address}; refuses it past the limit. */
    void admitAddress(ClientAddress address) {
        AttemptDecision decision = limiter.tryAttempt(ADDRESS + address.value(), perAddress);
        if (!decision.allowed()) {
            throw TooManyAttemptsException.fromAddress(decision.retryAfter());
        }
    }

    /**
     * Counts one log-in attempt on {@code account} as if it will fail (attempts racing each other cannot exceed the
     * limit); refuses it once the failures allowed in the window are used up, whatever the password.
     */
    void admitAccount(Email account) {
        AttemptDecision decision = limiter.tryAttempt(ACCOUNT + account.lowerCase(), perAccount);
        if (!decision.allowed()) {
            throw TooManyAttemptsException.onAccount(decision.retryAfter());
        }
    }

    /** A successful log-in: the account's failures are forgotten. */
    void succeeded(Email account) {
        limiter.forget(ACCOUNT + account.lowerCase(), perAccount);
    }
}
