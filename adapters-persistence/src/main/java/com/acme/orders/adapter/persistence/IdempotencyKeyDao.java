package com.acme.orders.adapter.persistence;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The SQL on {@code idempotency_keys}. Every method is one statement, as in {@link OrderDao}; their parameters are a
 * key and the values of a condition or an answer rather than a row, so they are bound by name from a map.
 */
final class IdempotencyKeyDao {

    /** Deletes one key's row if it expired, or if it is still in flight since before {@code abandonedBefore}. */
    static final String DELETE_STALE = """
            DELETE FROM idempotency_keys
            WHERE user_id = :userId AND idempotency_key = :key
              AND (created_at < :expiredBefore OR (status = 'in_flight' AND created_at < :abandonedBefore))
            """;

    /**
     * Inserts the key in flight unless the user has it already. A concurrent insert of the same key waits for the
     * first to commit or roll back (the primary key), then does nothing or inserts: never two rows, never an error.
     */
    static final String INSERT_IN_FLIGHT = """
            INSERT INTO idempotency_keys (user_id, idempotency_key, fingerprint, status, created_at)
            VALUES (:userId, :key, :fingerprint, 'in_flight', :createdAt)
            ON CONFLICT (user_id, idempotency_key) DO NOTHING
            """;

    static final String FIND = """
            SELECT fingerprint, status, order_id, response_status, response_body
            FROM idempotency_keys
            WHERE user_id = :userId AND idempotency_key = :key
            """;

    /** Marks the claim made at {@code claimedAt} done with its answer, if it is still that claim and in flight. */
    static final String COMPLETE = """
            UPDATE idempotency_keys
            SET status = 'done', order_id = :orderId, response_status = :responseStatus,
                response_body = :responseBody
            WHERE user_id = :userId AND idempotency_key = :key AND status = 'in_flight' AND created_at = :claimedAt
            """;

    static final String RELEASE = """
            DELETE FROM idempotency_keys
            WHERE user_id = :userId AND idempotency_key = :key AND status = 'in_flight' AND created_at = :claimedAt
            """;

    /**
     * Deletes up to {@code limit} keys made before {@code cutoff}, oldest first, read off
     * {@code idx_idempotency_keys_created_at}. SKIP LOCKED: rows another transaction holds (being deleted by a
     * concurrent cleanup, or completed right now) are left for a later run, so concurrent cleanups neither wait for
     * each other nor deadlock.
     *
     * <p>The locked rows are deleted by their {@code ctid}s (a Tid Scan): matched back by primary key with
     * {@code IN (...)}, the generic plan (the pools force one) hash-joins the whole table, read sequentially
     * (GenericPlansTest). A row this statement has locked cannot move, so its {@code ctid} stays valid until the
     * delete.
     */
    static final String DELETE_EXPIRED = """
            DELETE FROM idempotency_keys
            WHERE ctid = ANY(ARRAY(
                SELECT ctid
                FROM idempotency_keys
                WHERE created_at < :cutoff
                ORDER BY created_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
            ))
            """;

    private final Jdbi jdbi;

    IdempotencyKeyDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    int deleteStale(long userId, String key, Instant expiredBefore, Instant abandonedBefore) {
        return update(
                DELETE_STALE,
                Map.of(
                        "userId", userId,
                        "key", key,
                        "expiredBefore", expiredBefore,
                        "abandonedBefore", abandonedBefore));
    }

    /** Returns 1 when it inserted the key, 0 when the key existed. */
    int insertInFlight(long userId, String key, String fingerprint, Instant createdAt) {
        return update(
                INSERT_IN_FLIGHT,
                Map.of("userId", userId, "key", key, "fingerprint", fingerprint, "createdAt", createdAt));
    }

    Optional<IdempotencyKeyRow> find(long userId, String key) {
        return jdbi.withHandle(handle -> handle.createQuery(FIND)
                .bind("userId", userId)
                .bind("key", key)
                .map(RowMappers.IDEMPOTENCY_KEY)
                .findOne());
    }

    int complete(long userId, String key, Instant claimedAt, long orderId, int responseStatus, String responseBody) {
        return update(
                COMPLETE,
                Map.of(
                        "userId", userId,
                        "key", key,
                        "claimedAt", claimedAt,
                        "orderId", orderId,
                        "responseStatus", responseStatus,
                        "responseBody", responseBody));
    }

    int release(long userId, String key, Instant claimedAt) {
        return update(RELEASE, Map.of("userId", userId, "key", key, "claimedAt", claimedAt));
    }

    int deleteExpired(Instant cutoff, int limit) {
        return update(DELETE_EXPIRED, Map.of("cutoff", cutoff, "limit", limit));
    }

    /** Runs {@code sql} with its parameters bound by name; returns the count of rows it changed. */
    private int update(String sql, Map<String, ?> parameters) {
        return jdbi.withHandle(
                handle -> handle.createUpdate(sql).bindMap(parameters).execute());
    }
}
