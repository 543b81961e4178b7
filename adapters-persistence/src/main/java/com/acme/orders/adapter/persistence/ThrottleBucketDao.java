package com.acme.orders.adapter.persistence;

import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The service's own SQL on {@code throttle_buckets}; Bucket4j's proxy manager writes its statements itself
 * ({@link JdbcAttemptLimiter}).
 */
final class ThrottleBucketDao {

    /**
     * Deletes up to {@code limit} rows whose bucket was full again before {@code now}, oldest first off
     * {@code idx_throttle_buckets_expires_at}; rows another transaction holds (an attempt in progress, another
     * instance's clean-up) are skipped, not waited for. By {@code ctid}, for the reasons given at
     * {@link IdempotencyKeyDao#DELETE_EXPIRED}.
     */
    static final String DELETE_EXPIRED = """
            DELETE FROM throttle_buckets
            WHERE ctid = ANY(ARRAY(
                SELECT ctid
                FROM throttle_buckets
                WHERE expires_at < :now
                ORDER BY expires_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
            ))
            """;

    private final Jdbi jdbi;

    ThrottleBucketDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    int deleteExpired(Instant now, int limit) {
        return jdbi.withHandle(handle -> handle.createUpdate(DELETE_EXPIRED)
                .bindMap(Map.of("now", now, "limit", limit))
                .execute());
    }
}
