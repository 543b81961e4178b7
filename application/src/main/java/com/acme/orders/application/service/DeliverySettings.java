package com.acme.orders.application.service;

import com.acme.orders.domain.webhook.RetrySchedule;
import java.time.Duration;
import java.util.Objects;

/**
 * How the delivery worker sends.
 *
 * @param retries when a failed delivery is tried again, and how often at most
 * @param lease how long a claim holds a delivery: longer than one attempt can take, so that a live worker keeps its
 *     claim, and no longer than needed, since a crashed worker's claims wait this long to be taken over
 * @param maxInFlight attempts in flight at once on this instance; the worker claims no more than it can start
 * @param pollInterval the longest the worker waits, with nothing due, before looking again (a retry falls due with
 *     no signal)
 */
public record DeliverySettings(RetrySchedule retries, Duration lease, int maxInFlight, Duration pollInterval) {

    /** What a lease adds to the longest attempt: time to record the outcome. */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(10);

    public DeliverySettings {
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (!lease.isPositive() || !pollInterval.isPositive()) {
            throw new IllegalArgumentException("lease and poll interval must be positive");
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("at least one attempt must be allowed in flight");
        }
    }

    /**
     * The settings for attempts of at most {@code timeout} each: a lease of twice the timeout (connecting and waiting
     * for the answer are each bounded by it) and a margin, 100 attempts in flight, a poll every second.
     */
    public static DeliverySettings forTimeout(Duration timeout, RetrySchedule retries) {
        return new DeliverySettings(retries, timeout.multipliedBy(2).plus(LEASE_MARGIN), 100, Duration.ofSeconds(1));
    }
}
