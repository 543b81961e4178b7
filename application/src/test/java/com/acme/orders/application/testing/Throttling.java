package com.acme.orders.application.testing;

import com.acme.orders.application.service.LoginLimitSettings;
import com.acme.orders.application.service.LoginLimits;
import java.time.Clock;
import java.time.Duration;

/** Log-in limits for tests that are not about them: so high that no test reaches them. */
public final class Throttling {

    public static final LoginLimitSettings UNTHROTTLED = new LoginLimitSettings(100_000, 1_000, Duration.ofMinutes(15));

    private Throttling() {}

    /** Limits no test reaches, counted in memory on {@code clock}. */
    public static LoginLimits unthrottled(Clock clock) {
        return new LoginLimits(new InMemoryAttemptLimiter(clock), UNTHROTTLED);
    }
}
