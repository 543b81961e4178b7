package com.acme.orders.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.port.in.housekeeping.HousekeepingSummary;
import com.acme.orders.application.port.out.AttemptLimit;
import com.acme.orders.application.port.out.RefreshTokenFamily;
import com.acme.orders.application.port.out.RefreshTokenHash;
import com.acme.orders.application.testing.InMemoryAttemptLimiter;
import com.acme.orders.application.testing.InMemoryStore;
import com.acme.orders.application.testing.MutableClock;
import com.acme.orders.application.testing.Users;
import com.acme.orders.domain.user.User;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HousekeepingServiceTest {

    private static final AttemptLimit LIMIT = new AttemptLimit(5, Duration.ofMinutes(1));

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = MutableClock.atDefaultStart();
    private final InMemoryAttemptLimiter limiter = new InMemoryAttemptLimiter(clock);
    private final HousekeepingService service = new HousekeepingService(limiter, store.refreshTokens(), clock);

    @Test
    void removes_every_refilled_count_and_expired_family_however_many_batches_it_takes() {
        int stale = HousekeepingService.BATCH_SIZE * 2 + 7;
        for (int i = 0; i < stale; i++) {
            limiter.tryAttempt("address:" + i, LIMIT);
        }
        User alice = Users.stored(store.users(), Users.ALICE_EMAIL);
        store.refreshTokens()
                .startFamily(
                        new RefreshTokenFamily(
                                UUID.randomUUID(), alice.id(), clock.instant().plusSeconds(30)),
                        RefreshTokenHash.of("expiring"),
                        clock.instant());
        store.refreshTokens()
                .startFamily(
                        new RefreshTokenFamily(
                                UUID.randomUUID(), alice.id(), clock.instant().plus(Duration.ofDays(1))),
                        RefreshTokenHash.of("current"),
                        clock.instant());
        clock.advance(Duration.ofMinutes(2));
        limiter.tryAttempt("address:recent", LIMIT);

        HousekeepingSummary summary = service.removeExpired();

        assertThat(summary.attemptCounts()).isEqualTo(stale);
        assertThat(summary.refreshTokenFamilies()).isOne();
        assertThat(limiter.size()).as("the count still refilling").isOne();
        assertThat(service.removeExpired().attemptCounts()).isZero();
    }
}
