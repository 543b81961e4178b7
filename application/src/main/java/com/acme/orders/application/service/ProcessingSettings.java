package com.acme.orders.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How the processing job takes orders.
 *
 * @param grace minimum age of a pending order before the job takes it: the owner's guaranteed cancel window
 * @param lease how long an order may stay in processing before a later run assumes its run crashed and completes it
 * @param batchSize orders moved per statement and held in memory at once
 */
public record ProcessingSettings(Duration grace, Duration lease, int batchSize) {

    public static final ProcessingSettings DEFAULTS =
            new ProcessingSettings(Duration.ZERO, Duration.ofMinutes(10), 500);

    public ProcessingSettings {
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(lease, "lease");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative");
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
    }
}
