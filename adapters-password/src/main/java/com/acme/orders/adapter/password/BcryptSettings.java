package com.acme.orders.adapter.password;

/**
 * How bcrypt runs.
 *
 * @param cost the work factor, {@value BcryptPasswordHasher#MIN_COST} to {@value BcryptPasswordHasher#MAX_COST}
 * @param threads at most this many hashes run at once, each on a platform thread of its own
 * @param queueCapacity hashes that may wait for a thread; past it, work is refused
 */
public record BcryptSettings(int cost, int threads, int queueCapacity) {

    /** Hashes that may wait: enough for a burst of log-ins, few enough that none waits for minutes. */
    public static final int DEFAULT_QUEUE_CAPACITY = 1_000;

    public BcryptSettings {
        if (cost < BcryptPasswordHasher.MIN_COST || cost > BcryptPasswordHasher.MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must be between 4 and 31, got " + cost);
        }
        if (threads < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("threads and queueCapacity must be at least 1");
        }
    }
}
