package com.acme.orders.application.service;

import com.acme.orders.application.port.in.housekeeping.HousekeepingSummary;
import com.acme.orders.application.port.in.housekeeping.RemoveExpiredUseCase;
import com.acme.orders.application.port.out.AttemptLimiter;
import com.acme.orders.application.port.out.RefreshTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.IntUnaryOperator;

/** Removes what has expired, batch by batch: a batch holds few rows at once, however many have piled up. */
public final class HousekeepingService implements RemoveExpiredUseCase {

    static final int BATCH_SIZE = 1_000;

    private final AttemptLimiter attempts;
    private final RefreshTokens refreshTokens;
    private final Clock clock;

    public HousekeepingService(AttemptLimiter attempts, RefreshTokens refreshTokens, Clock clock) {
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public HousekeepingSummary removeExpired() {
        Instant started = clock.instant();
        int counts = inBatches(batch -> attempts.removeExpired(started, batch));
        int families = inBatches(batch -> refreshTokens.removeExpired(started, batch));
        return new HousekeepingSummary(counts, families, Duration.between(started, clock.instant()));
    }

    private static int inBatches(IntUnaryOperator removeBatch) {
        int total = 0;
        int removed;
        do {
            removed = removeBatch.applyAsInt(BATCH_SIZE);
            total += removed;
        } while (removed == BATCH_SIZE);
        return total;
    }
}
