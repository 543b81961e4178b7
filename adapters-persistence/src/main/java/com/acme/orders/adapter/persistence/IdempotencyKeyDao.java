package com.acme.orders.adapter.persistence;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The SQL on {@code idempotency_keys}. Every method is one statement. */
@RegisterConstructorMapper(IdempotencyKeyRow.class)
interface IdempotencyKeyDao {

    /** Deletes one key's row if it expired, or if it is still in flight since before {@code abandonedBefore}. */
    @SqlUpdate("""
            DELETE FROM idempotency_keys
            WHERE user_id = :userId AND idempotency_key = :key
              AND (created_at < :expiredBefore OR (status = 'in_flight' AND created_at < :abandonedBefore))
            """)
    int deleteStale(long userId, String key, Instant expiredBefore, Instant abandonedBefore);

    /**
     * Inserts the key in flight unless the user has it already. A concurrent insert of the same key waits for the
     * first to commit or roll back (the primary key), then does nothing or inserts: never two rows, never an error.
     *
     * @return 1 when inserted, 0 when the key existed
     */
    @SqlUpdate("""
            INSERT INTO idempotency_keys (user_id, idempotency_key, fingerprint, status, created_at)
            VALUES (:userId, :key, :fingerprint, 'in_flight', :createdAt)
            ON CONFLICT (user_id, idempotency_key) DO NOTHING
            """)
    int insertInFlight(long userId, String key, String fingerprint, Instant createdAt);

    @SqlQuery("""
            SELECT fingerprint, status, order_id, response_status, response_body
            FROM idempotency_keys
            WHERE user_id = :userId AND idempotency_key = :key
            """)
    Optional<IdempotencyKeyRow> find(long userId, String key);

    /** Marks the claim made at {@code claimedAt} done with its answer, if it is still that claim and in flight. */
    @SqlUpdate("""
            UPDATE idempotency_keys
            SET status = 'done', order_id = :orderId, response_status = :responseStatus,
                response_body = :responseBody
            WHERE user_id = :userId AND idempotency_key = :key AND status = 'in_flight' AND created_at = :claimedAt
            """)
    int complete(long userId, String key, Instant claimedAt, long orderId, int responseStatus, String responseBody);

    @SqlUpdate("""
            DELETE FROM idempotency_keys
            WHERE user_id = :userId AND idempotency_key = :key AND status = 'in_flight' AND created_at = :claimedAt
            """)
    int release(long userId, String key, Instant claimedAt);

    /**
     * Deletes up to {@code limit} keys made before {@code cutoff}, oldest first, read off
     * {@code idx_idempotency_keys_created_at}. SKIP LOCKED: rows another transaction holds (being deleted by a
     * concurrent cleanup, or completed right now) are left for a later run, so concurrent cleanups neither wait for
     * each other nor deadlock.
     *
     * <p>The locked rows are deleted by their {@code ctid}s (a Tid Scan): matched back by primary key with
     * {@code IN (...)}, the generic plan (the pools force one) hash-joined the whole table, read sequentially
     * (GenericPlansTest). A row this statement has locked cannot move, so its {@code ctid} stays valid until the
     * delete.
     */
    @SqlUpdate("""
            DELETE FROM idempotency_keys
            WHERE ctid = ANY(ARRAY(
                SELECT ctid
                FROM idempotency_keys
                WHERE created_at < :cutoff
                ORDER BY created_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
            ))
            """)
    int deleteExpired(Instant cutoff, int limit);
}
