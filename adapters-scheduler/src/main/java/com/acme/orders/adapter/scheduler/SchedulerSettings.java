package com.acme.orders.adapter.scheduler;

import java.time.Duration;
import java.util.Objects;

/**
 * How the processing job is scheduled.
 *
 * @param interval time between runs, cluster-wide
 * @param shutdownWait whether stopping waits for a running job to finish
 */
public record SchedulerSettings(Duration interval, boolean shutdownWait) {

    public SchedulerSettings {
        Objects.requireNonNull(interval, "interval");
        if (interval.toSeconds() < 1) {
            throw new IllegalArgumentException("the interval must be at least one second");
        }
    }
}
