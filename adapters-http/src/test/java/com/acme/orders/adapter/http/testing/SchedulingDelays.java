package com.acme.orders.adapter.http.testing;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * How late a platform thread wakes from a short sleep, measured all along while a test times something else: the
 * machine's own delay, whatever the code under test does (its waiting threads sleep and cost nothing). On a machine
 * shared with other builds it can reach tenths of a second; a latency bound is only worth checking when it is small.
 * Shared with the end-to-end tests.
 */
public final class SchedulingDelays implements AutoCloseable {

    private static final Duration NAP = Duration.ofMillis(5);

    private final Queue<Long> lateness = new ConcurrentLinkedQueue<>();
    private final Thread meter;
    private volatile boolean running = true;

    private SchedulingDelays() {
        meter = Thread.ofPlatform().daemon().start(() -> {
            while (running) {
                long before = System.nanoTime();
                try {
                    Thread.sleep(NAP);
                } catch (InterruptedException e) {
                    return;
                }
                lateness.add(Math.max(0, System.nanoTime() - before - NAP.toNanos()));
            }
        });
    }

    /** Starts measuring. */
    public static SchedulingDelays measure() {
        return new SchedulingDelays();
    }

    /** The 99th percentile of the delays measured so far. */
    public Duration p99() {
        long[] sorted = lateness.stream().mapToLong(Long::longValue).sorted().toArray();
        return Duration.ofNanos(sorted.length == 0 ? 0 : sorted[sorted.length * 99 / 100]);
    }

    @Override
    public void close() {
        running = false;
        try {
            meter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
