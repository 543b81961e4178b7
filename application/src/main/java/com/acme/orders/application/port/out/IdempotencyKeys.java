package com.acme.orders.application.port.out;

import com.acme.orders.application.port.IdempotencyKey;
import com.acme.orders.application.port.RecordedResponse;
import com.acme.orders.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the idempotency keys of creates are kept, one per user and key, with the fingerprint of the request that
 * first used it and, once that request finished, its answer. The store keeps and reports; what a retry gets is the
 * caller's decision.
 *
 * <p>A key goes through two commits: {@link #claim} stores it <em>in flight</em> at once, on its own, so that a
 * concurrent duplicate finds it; {@link #complete}, called inside the transaction that places the order, records the
 * answer, so that the order and its finished key commit together or not at all.
 */
public interface IdempotencyKeys {

    /**
     * Claims {@code key} for one of {@code owner}'s requests, and commits the claim before returning: call it outside
     * any transaction. The key's row is first dropped when it was made before {@code expiredBefore}, or when it is
     * still in flight since before {@code abandonedBefore} (its request died without releasing it). Of concurrent
     * claims of one key, at most one gets a claim.
     *
     * @return the new in-flight claim, made at {@code claimedAt}; empty when the key is held already ({@link #find}
     *     tells by what)
     */
    Optional<Claim> claim(
            UserId owner,
            IdempotencyKey key,
            String fingerprint,
            Instant claimedAt,
            Instant expiredBefore,
            Instant abandonedBefore);

    /**
     * What is stored for the key: the fingerprint it was claimed with and, once that request finished, its answer.
     * Empty when nothing is (the holder released it since).
     */
    Optional<StoredKey> find(UserId owner, IdempotencyKey key);

    /**
     * Records the answer of a claim and marks the key done, inside the caller's transaction (the one that placed
     * {@code response.orderId()}).
     *
     * @return false, changing nothing, when the claim is no longer held: released, or taken over as abandoned
     */
    boolean complete(Claim claim, RecordedResponse response);

    /** Drops a claim that will not complete, so that a retry may claim the key at once; a no-op if not held. */
    void release(Claim claim);

    /**
     * Deletes up to {@code limit} keys made before {@code cutoff}, oldest first, skipping any that another
     * transaction holds; a cheap, bounded cleanup to run on every write.
     *
     * @return how many keys were deleted
     */
    int deleteExpired(Instant cutoff, int limit);

    /** A key held in flight by one request, identified by the time it was claimed. */
    record Claim(UserId owner, IdempotencyKey key, Instant claimedAt) {

        public Claim {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(claimedAt, "claimedAt");
        }
    }

    /**
     * A key as stored.
     *
     * @param fingerprint the fingerprint of the request that claimed it
     * @param response that request's answer; empty while it is in flight
     */
    record StoredKey(String fingerprint, Optional<RecordedResponse> response) {

        public StoredKey {
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(response, "response");
        }
    }
}
