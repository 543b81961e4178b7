package com.acme.orders.adapter.scheduler;

import java.time.Duration;
import java.util.Objects;

/**
 * How the processing and housekeeping jobs are scheduled.
 *
 * @param interval time between processing runs, cluster-wide
 * @param housekeepingInterval time between housekeeping runs, cluster-wide
 * @param shutdownWait whether stopping waits for a running job to finish
 */
public record SchedulerSettings(Duration interval, Duration housekeepingInterval, boolean shutdownWait) {

    /** Ten minutes: the log-in limits leave a row per address and account they counted, for at most 15 minutes. */
    public static final Duration DEFAULT_HOUSEKEEPING_INTERVAL = Duration.ofMinutes(10);

    public SchedulerSettings {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(housekeepingInterval, "housekeepingInterval");
        if (interval.toSeconds() < 1 || housekeepingInterval.toSeconds() < 1) {
            throw new IllegalArgumentException("an interval must be at least one second");
        }
    }

    /** Housekeeping at {@link #DEFAULT_HOUSEKEEPING_INTERVAL}. */
    public SchedulerSettings(Duration interval, boolean shutdownWait) {
        this(interval, DEFAULT_HOUSEKEEPING_INTERVAL, shutdownWait);
    }
}
