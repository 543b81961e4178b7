package com.acme.orders.application.testing;

import com.acme.orders.application.port.out.AttemptDecision;
import com.acme.orders.application.port.out.AttemptLimit;
import com.acme.orders.application.port.out.AttemptLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * An {@link AttemptLimiter} in memory, on the given clock: a token bucket per key and limit, refilled evenly over the
 * window, as Bucket4j's greedy refill does. Thread-safe (one lock); it can be told to fail as a store that is down.
 */
public final class InMemoryAttemptLimiter implements AttemptLimiter {

    private final Clock clock;
    private final Map<Counted, Bucket> buckets = new HashMap<>(); // guarded by this
    private RuntimeException failure; // guarded by this

    public InMemoryAttemptLimiter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** From now on every call throws {@code failure} (null: works again). */
    public synchronized void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    /** How many keys are counted, for tests of the clean-up. */
    public synchronized int size() {
        return buckets.size();
    }

    @Override
    public synchronized AttemptDecision tryAttempt(String key, AttemptLimit limit) {
        failIfTold();
        Instant now = clock.instant();
        Bucket bucket = buckets.computeIfAbsent(new Counted(key, limit), ignored -> new Bucket(limit.attempts(), now))
                .refilled(limit, now);
        if (bucket.tokens >= 1) {
            buckets.put(new Counted(key, limit), new Bucket(bucket.tokens - 1, now));
            return AttemptDecision.allow();
        }
        buckets.put(new Counted(key, limit), bucket);
        double nanosPerToken = (double) limit.window().toNanos() / limit.attempts();
        return AttemptDecision.refuse(
                Duration.ofNanos(Math.max(1, (long) Math.ceil((1 - bucket.tokens) * nanosPerToken))));
    }

    @Override
    public synchronized void forget(String key, AttemptLimit limit) {
        failIfTold();
        buckets.remove(new Counted(key, limit));
    }

    @Override
    public synchronized int removeExpired(Instant now, int limit) {
        failIfTold();
        int removed = 0;
        for (Iterator<Map.Entry<Counted, Bucket>> entries = buckets.entrySet().iterator();
                entries.hasNext() && removed < limit; ) {
            Map.Entry<Counted, Bucket> entry = entries.next();
            AttemptLimit counted = entry.getKey().limit();
            if (entry.getValue().refilled(counted, now).tokens >= counted.attempts()) {
                entries.remove();
                removed++;
            }
        }
        return removed;
    }

    private void failIfTold() {
        if (failure != null) {
            throw failure;
        }
    }

    private record Counted(String key, AttemptLimit limit) {}

    private record Bucket(double tokens, Instant at) {

        Bucket refilled(AttemptLimit limit, Instant now) {
            if (!now.isAfter(at)) {
                return this;
            }
            double added = (double) Duration.between(at, now).toNanos()
                    * limit.attempts()
                    / limit.window().toNanos();
            return new Bucket(Math.min(limit.attempts(), tokens + added), now);
        }
    }
}
