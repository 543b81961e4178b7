package com.acme.orders.application.port.out;

import java.time.Instant;

/**
 * Counts attempts per key against a limit, shared by every instance of the service: a token bucket per key that
 * holds {@link AttemptLimit#attempts()} and refills them, evenly, over {@link AttemptLimit#window()}. Attempts are
 * counted per key <em>and</em> limit: the same key under another limit is another count, so a changed limit starts
 * afresh instead of being held to what was stored under the old one.
 *
 * <p>A limiter that cannot reach its store throws {@link StorageUnavailableException}; it never guesses an answer.
 */
public interface AttemptLimiter {

    /** Counts one attempt under {@code key}, if the limit still has one; says whether it did, else when to retry. */
    AttemptDecision tryAttempt(String key, AttemptLimit limit);

    /** Forgets every attempt counted under {@code key} and {@code limit}: its full allowance is back. */
    void forget(String key, AttemptLimit limit);

    /**
     * Deletes up to {@code limit} counts that had refilled completely before {@code now} (forgetting them changes no
     * answer); a bounded batch. Concurrent calls (on several instances) skip each other's rows.
     *
     * @return how many were deleted; fewer than {@code limit} means none is left
     */
    int removeExpired(Instant now, int limit);
}
