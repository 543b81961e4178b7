package com.acme.orders.application.testing;

import com.acme.orders.application.port.out.AttemptLimiter;
import com.acme.orders.application.port.out.AttemptLimiterContract;

class InMemoryAttemptLimiterTest extends AttemptLimiterContract {

    private final MutableClock clock = MutableClock.atDefaultStart();
    private final InMemoryAttemptLimiter limiter = new InMemoryAttemptLimiter(clock);

    @Override
    protected AttemptLimiter limiter() {
        return limiter;
    }

    @Override
    protected MutableClock clock() {
        return clock;
    }
}
