package com.acme.orders.application.port.in.housekeeping;

import java.time.Duration;
import java.util.Objects;

/**
 * What one housekeeping run removed.
 *
 * @param attemptCounts the log-in limits' counts that had refilled completely
 * @param refreshTokenFamilies expired refresh token families, with their tokens
 */
public record HousekeepingSummary(int attemptCounts, int refreshTokenFamilies, Duration took) {

    public HousekeepingSummary {
        Objects.requireNonNull(took, "took");
    }
}
