package com.acme.orders.application.port.out;

import com.acme.orders.application.port.in.IdempotencyKey;
import com.acme.orders.application.port.in.RecordedResponse;
import com.acme.orders.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * Where the idempotency keys of creates are kept, one per user and key, with the fingerprint of the request that
 * first used it and, once that request finished, its answer.
 *
 * <p>A key goes through two commits: {@link #claim} stores it <em>in flight</em> at once, on its own, so that a
 * concurrent duplicate sees it and is told so; {@link #complete}, called inside the transaction that places the
 * order, records the answer, so that the order and its finished key commit together or not at all.
 */
public interface IdempotencyKeys {

    /**
     * Claims {@code key} for one of {@code owner}'s requests, and commits the claim before returning: call it outside
     * any transaction. The key's row is first dropped when it was made before {@code expiredBefore}, or when it is
     * still in flight since before {@code abandonedBefore} (its request died without releasing it). Of concurrent
     * claims of one key, at most one is {@link Claim.Won}.
     *
     * @return {@link Claim.Won} with the new in-flight claim made at {@code claimedAt}; or, for a key already held,
     *     {@link Claim.DifferentRequest} when its fingerprint differs, else {@link Claim.InFlight} or
     *     {@link Claim.Replay}
     */
    Claim claim(
            UserId owner,
            IdempotencyKey key,
            String fingerprint,
            Instant claimedAt,
            Instant expiredBefore,
            Instant abandonedBefore);

    /**
     * Records the answer of a won claim and marks the key done, inside the caller's transaction (the one that placed
     * {@code response.orderId()}).
     *
     * @return false, changing nothing, when the claim is no longer held: released, or taken over as abandoned
     */
    boolean complete(Claim.Won claim, RecordedResponse response);

    /** Drops a won claim that will not complete, so that a retry may claim the key at once; a no-op if not held. */
    void release(Claim.Won claim);

    /**
     * Deletes up to {@code limit} keys made before {@code cutoff}, oldest first, skipping any that another
     * transaction holds; a cheap, bounded cleanup to run on every write.
     *
     * @return how many keys were deleted
     */
    int deleteExpired(Instant cutoff, int limit);

    /** What a claim found. */
    sealed interface Claim {

        /** The key was free: this request holds it until it completes or releases it. */
        record Won(UserId owner, IdempotencyKey key, Instant claimedAt) implements Claim {

            public Won {
                Objects.requireNonNull(owner, "owner");
                Objects.requireNonNull(key, "key");
                Objects.requireNonNull(claimedAt, "claimedAt");
            }
        }

        /** The first request with the key finished; this is its answer. */
        record Replay(RecordedResponse response) implements Claim {

            public Replay {
                Objects.requireNonNull(response, "response");
            }
        }

        /** The key is held for a request with another fingerprint. */
        record DifferentRequest() implements Claim {}

        /** The key is held by a request with the same fingerprint that has not finished. */
        record InFlight() implements Claim {}
    }
}
