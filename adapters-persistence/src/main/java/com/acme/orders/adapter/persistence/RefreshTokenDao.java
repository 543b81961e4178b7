package com.acme.orders.adapter.persistence;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The SQL on {@code refresh_token_families} and {@code refresh_tokens}. Every method is one statement, as in
 * {@link OrderDao}; parameters are bound by name from a map, as in {@link IdempotencyKeyDao}.
 */
final class RefreshTokenDao {

    static final String INSERT_FAMILY = """
            INSERT INTO refresh_token_families (id, user_id, created_at, expires_at)
            VALUES (:id, :userId, :createdAt, :expiresAt)
            """;

    static final String INSERT_TOKEN = """
            INSERT INTO refresh_tokens (token_hash, family_id, issued_at)
            VALUES (:tokenHash, :familyId, :issuedAt)
            """;

    /**
     * The token and its family, the token's row locked ({@code FOR UPDATE OF t}) until the transaction ends: a
     * concurrent refresh with the same token waits here, and then reads the row as the first left it (READ COMMITTED
     * re-reads a locked row once its lock is released), so it sees the token spent. The family is not locked: a
     * revocation committed meanwhile is seen by the next refresh of any of its tokens.
     */
    static final String LOCK = """
            SELECT t.token_hash, t.family_id, f.user_id, f.expires_at,
                   t.spent_at IS NOT NULL AS spent, f.revoked_at IS NOT NULL AS revoked
            FROM refresh_tokens t
            JOIN refresh_token_families f ON f.id = t.family_id
            WHERE t.token_hash = :tokenHash
            FOR UPDATE OF t
            """;

    static final String MARK_SPENT = "UPDATE refresh_tokens SET spent_at = :at WHERE token_hash = :tokenHash";

    static final String REVOKE_FAMILY = """
            UPDATE refresh_token_families SET revoked_at = :at
            WHERE id = :familyId AND revoked_at IS NULL
            """;

    static final String REVOKE_ALL_OF_USER = """
            UPDATE refresh_token_families SET revoked_at = :at
            WHERE user_id = :userId AND revoked_at IS NULL
            """;

    /**
     * Deletes up to {@code limit} families that expired before {@code now}, oldest first, with their tokens (ON DELETE
     * CASCADE); SKIP LOCKED and by {@code ctid}, for the reasons given at {@link IdempotencyKeyDao#DELETE_EXPIRED}.
     */
    static final String DELETE_EXPIRED = """
            DELETE FROM refresh_token_families
            WHERE ctid = ANY(ARRAY(
                SELECT ctid
                FROM refresh_token_families
                WHERE expires_at < :now
                ORDER BY expires_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
            ))
            """;

    private final Jdbi jdbi;

    RefreshTokenDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void insertFamily(UUID id, long userId, Instant createdAt, Instant expiresAt) {
        update(INSERT_FAMILY, Map.of("id", id, "userId", userId, "createdAt", createdAt, "expiresAt", expiresAt));
    }

    void insertToken(String tokenHash, UUID familyId, Instant issuedAt) {
        update(INSERT_TOKEN, Map.of("tokenHash", tokenHash, "familyId", familyId, "issuedAt", issuedAt));
    }

    Optional<RefreshTokenRow> lock(String tokenHash) {
        return jdbi.withHandle(handle -> handle.createQuery(LOCK)
                .bind("tokenHash", tokenHash)
                .map(RowMappers.REFRESH_TOKEN)
                .findOne());
    }

    int markSpent(String tokenHash, Instant at) {
        return update(MARK_SPENT, Map.of("tokenHash", tokenHash, "at", at));
    }

    int revokeFamily(UUID familyId, Instant at) {
        return update(REVOKE_FAMILY, Map.of("familyId", familyId, "at", at));
    }

    int revokeAllOfUser(long userId, Instant at) {
        return update(REVOKE_ALL_OF_USER, Map.of("userId", userId, "at", at));
    }

    int deleteExpired(Instant now, int limit) {
        return update(DELETE_EXPIRED, Map.of("now", now, "limit", limit));
    }

    private int update(String sql, Map<String, ?> parameters) {
        return jdbi.withHandle(
                handle -> handle.createUpdate(sql).bindMap(parameters).execute());
    }
}
