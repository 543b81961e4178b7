package com.acme.orders.adapter.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Bucket4j token bucket per key (a client address, an account), in memory. Memory is bounded: at most
 * {@code maxKeys} buckets are kept, in least-recently-used order; the eldest is forgotten when a new key arrives
 * (forgetting a bucket only ever gives its key a fresh allowance). The map is guarded by one lock, held only for the
 * lookup; consuming is Bucket4j's own lock-free operation.
 */
final class BoundedBuckets {

    private final long capacity;
    private final Duration refillPeriod;
    private final Map<String, Bucket> buckets;

    BoundedBuckets(long capacity, Duration refillPeriod, int maxKeys) {
        this.capacity = capacity;
        this.refillPeriod = refillPeriod;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Takes one token from {@code key}'s bucket; empty when it had none, else the whole seconds to wait (at least 1). */
    long tryTake(String key) {
        ConsumptionProbe probe = bucketOf(key).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        long nanos = probe.getNanosToWaitForRefill();
        return Math.max(1, nanos / 1_000_000_000L + (nanos % 1_000_000_000L == 0 ? 0 : 1));
    }

    /** Gives {@code key} its full allowance again. */
    void reset(String key) {
        synchronized (buckets) {
            buckets.remove(key);
        }
    }

    int size() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    private Bucket bucketOf(String key) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(
                    key,
                    ignored -> Bucket.builder()
                            .addLimit(Bandwidth.builder()
                                    .capacity(capacity)
                                    .refillGreedy(capacity, refillPeriod)
                                    .build())
                            .build());
        }
    }
}
