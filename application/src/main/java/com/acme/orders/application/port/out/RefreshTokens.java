package com.acme.orders.application.port.out;

import com.acme.orders.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Where refresh tokens are kept, by hash only, grouped in families (one per log-in). */
public interface RefreshTokens {

    /** Stores a new family with its first token. */
    void startFamily(RefreshTokenFamily family, RefreshTokenHash first, Instant issuedAt);

    /** Stores one more (unspent) token in an existing family. */
    void addToFamily(UUID familyId, RefreshTokenHash token, Instant issuedAt);

    /**
     * The token with this hash and its family, locked until the current transaction ends: a concurrent {@code lock}
     * of the same token waits, then sees what this transaction did to it. Empty for an unknown hash.
     */
    Optional<StoredRefreshToken> lock(RefreshTokenHash hash);

    /** Marks a token as exchanged; it stays stored, so that presenting it again is recognised. */
    void markSpent(RefreshTokenHash hash, Instant at);

    /** Revokes one family: none of its tokens works any more. */
    void revokeFamily(UUID familyId, Instant at);

    /** Revokes every family of a user. */
    void revokeAllOf(UserId userId, Instant at);

    /**
     * Deletes up to {@code limit} families, with their tokens, that expired before {@code now}; a bounded batch, so
     * that a cleanup never holds many rows at once. Concurrent calls (on several instances) skip each other's rows.
     *
     * @return how many families were deleted; fewer than {@code limit} means none is left
     */
    int removeExpired(Instant now, int limit);
}
