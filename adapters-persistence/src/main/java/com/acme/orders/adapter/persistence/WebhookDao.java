package com.acme.orders.adapter.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The SQL on {@code webhooks}, {@code webhook_deliveries} and {@code webhook_delivery_attempts} (V15). The deliveries
 * themselves are written by the fan-out trigger on {@code order_status_history}, in the statement that writes the
 * events; here they are only claimed and recorded. Every method is one statement on its own handle or on the
 * transaction's.
 */
final class WebhookDao {

    static final String NEXT_ID = "SELECT nextval('webhooks_id_seq')";

    /**
     * Locks the owner's row until the end of the transaction, so that registrations of one owner run one at a time
     * and {@link #INSERT_IF_FEWER}'s count is not raced. {@code FOR NO KEY UPDATE} leaves the row's key free: orders
     * keep being placed meanwhile (their foreign key takes a key-share lock).
     */
    static final String LOCK_OWNER = "SELECT id FROM users WHERE id = :ownerId FOR NO KEY UPDATE";

    /**
     * Inserts the webhook if its owner has fewer than {@code :max}. Run after {@link #LOCK_OWNER} in the same
     * transaction: under READ COMMITTED this statement's snapshot is taken after the lock was granted, so it counts
     * every webhook a registration before it committed.
     */
    static final String INSERT_IF_FEWER = """
            INSERT INTO webhooks (id, user_id, url, event_types, secret_sealed, created_at)
            SELECT :id, :userId, :url, :eventTypes, :secretSealed, :createdAt
            WHERE (SELECT count(*) FROM webhooks WHERE user_id = :userId) < :max
            """;

    static final String FIND_BY_ID = """
            SELECT id, user_id, url, event_types, secret_sealed, created_at
            FROM webhooks
            WHERE id = :id
            """;

    static final String FIND_BY_OWNER = """
            SELECT id, user_id, url, event_types, secret_sealed, created_at
            FROM webhooks
            WHERE user_id = :ownerId
            ORDER BY id
            """;

    /** Its deliveries and their attempts go with it ({@code ON DELETE CASCADE}). */
    static final String DELETE = "DELETE FROM webhooks WHERE id = :id AND user_id = :ownerId";

    /**
     * A webhook's latest attempts, newest first, each with its delivery's state now and its event's status: a
     * backward range scan of {@code idx_webhook_delivery_attempts_latest (webhook_id, id)} that stops after
     * {@code :limit} rows, each joined by primary key.
     */
    static final String ATTEMPTS = """
            SELECT d.event_id, h.to_status AS event_status, a.attempt, a.status_code, a.error, a.at,
                   d.next_attempt_at, d.state
            FROM webhook_delivery_attempts AS a
            JOIN webhook_deliveries AS d ON d.id = a.delivery_id
            JOIN order_status_history AS h ON h.id = d.event_id
            WHERE a.webhook_id = :webhookId
            ORDER BY a.id DESC
            LIMIT :limit
            """;

    /**
     * Claims up to {@code :limit} due deliveries for one worker, as one statement (it commits on its own, so the
     * claim is visible to every other worker before any attempt starts): the pending ones whose next attempt has
     * come and that no unexpired lease holds, oldest due first, read in order from the partial index
     * {@code idx_webhook_deliveries_due}. {@code FOR UPDATE SKIP LOCKED} makes concurrent workers take disjoint sets
     * instead of waiting on each other; a row another worker claimed and committed after this statement's snapshot
     * is re-checked in its new version under READ COMMITTED, where its lease excludes it. The claim sets the lease
     * and a token of its own, and returns what the attempt needs: the webhook's target and sealed secret, and the
     * event with its order as the change left it (as {@link EventDao#FEED} reads it).
     */
    static final String CLAIM_DUE = """
            WITH due AS (
                SELECT id
                FROM webhook_deliveries
                WHERE state = 'pending' AND next_attempt_at <= :now
                  AND (claimed_until IS NULL OR claimed_until <= :now)
                ORDER BY next_attempt_at, id
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
            ), claimed AS (
                UPDATE webhook_deliveries
                SET claimed_until = :leaseUntil, claim_token = :claim
                WHERE id = ANY(ARRAY(SELECT id FROM due))
                RETURNING id, webhook_id, event_id, attempts
            )
            SELECT c.id AS delivery_id, c.attempts + 1 AS attempt, w.id AS webhook_id, w.url, w.secret_sealed,
                   h.id AS event_id, h.sequence,
                   o.id, o.user_id, o.product_name, o.amount, h.to_status AS status, o.created_at,
                   h.at AS updated_at
            FROM claimed AS c
            JOIN webhooks AS w ON w.id = c.webhook_id
            JOIN order_status_history AS h ON h.id = c.event_id
            JOIN orders AS o ON o.id = h.order_id
            """;

    /**
     * Records attempts and their deliveries' new states, and releases the claims, as one statement and one commit
     * for the whole batch, each only if its claim token is still the one its worker set: a worker whose lease ran out
     * and whose delivery another worker claimed since finds no row and records nothing (nor does one whose webhook
     * was deleted). The attempts come as parallel arrays, one element each, unnested into rows and joined to their
     * deliveries by id; timestamps and claim tokens travel as text, which PostgreSQL casts. An attempt row is
     * inserted from the UPDATE's RETURNING, so it exists exactly when its delivery was updated.
     */
    static final String RECORD_ALL = """
            WITH input AS (
                SELECT *
                FROM unnest(CAST(:deliveryIds AS bigint[]), CAST(:claims AS uuid[]), CAST(:attempts AS integer[]),
                            CAST(:states AS text[]), CAST(:nextAttemptAts AS timestamptz[]),
                            CAST(:statusCodes AS integer[]), CAST(:errors AS text[]), CAST(:ats AS timestamptz[]))
                     AS t(delivery_id, claim, attempt, state, next_attempt_at, status_code, error, at)
            ), recorded AS (
                UPDATE webhook_deliveries AS d
                SET state = i.state, attempts = i.attempt, next_attempt_at = i.next_attempt_at,
                    claimed_until = NULL, claim_token = NULL
                FROM input AS i
                WHERE d.id = i.delivery_id AND d.claim_token = i.claim
                RETURNING d.id, d.webhook_id, i.attempt, i.status_code, i.error, i.at
            )
            INSERT INTO webhook_delivery_attempts (delivery_id, webhook_id, attempt, status_code, error, at)
            SELECT id, webhook_id, attempt, status_code, error, at
            FROM recorded
            """;

    /**
     * The deliveries pending and due at {@code :now}, claimed or not, and the oldest due time among them: one range
     * of the partial index {@code idx_webhook_deliveries_due}, read from the index alone.
     */
    static final String BACKLOG = """
            SELECT count(*) AS due, min(next_attempt_at) AS oldest_due
            FROM webhook_deliveries
            WHERE state = 'pending' AND next_attempt_at <= :now
            """;

    private final Jdbi jdbi;

    WebhookDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    long nextId() {
        return jdbi.withHandle(
                handle -> handle.createQuery(NEXT_ID).map(RowMappers.LONG).one());
    }

    /** Returns whether the owner exists; its row is then locked until the transaction ends. */
    boolean lockOwner(long ownerId) {
        return jdbi.withHandle(handle -> handle.createQuery(LOCK_OWNER)
                .bind("ownerId", ownerId)
                .map(RowMappers.LONG)
                .findOne()
                .isPresent());
    }

    /** Returns whether the row was inserted. */
    boolean insertIfFewer(WebhookRow row, int max) {
        return jdbi.withHandle(handle -> handle.createUpdate(INSERT_IF_FEWER)
                        .bind("id", row.id())
                        .bind("userId", row.userId())
                        .bind("url", row.url())
                        .bind("eventTypes", row.eventTypes().toArray(String[]::new))
                        .bind("secretSealed", bytes(row.secretSealed()))
                        .bind("createdAt", row.createdAt())
                        .bind("max", max)
                        .execute())
                == 1;
    }

    Optional<WebhookRow> findById(long id) {
        return jdbi.withHandle(handle -> handle.createQuery(FIND_BY_ID)
                .bind("id", id)
                .map(RowMappers.WEBHOOK)
                .findOne());
    }

    List<WebhookRow> findByOwner(long ownerId) {
        return jdbi.withHandle(handle -> handle.createQuery(FIND_BY_OWNER)
                .bind("ownerId", ownerId)
                .map(RowMappers.WEBHOOK)
                .list());
    }

    boolean delete(long id, long ownerId) {
        return jdbi.withHandle(handle -> handle.createUpdate(DELETE)
                        .bind("id", id)
                        .bind("ownerId", ownerId)
                        .execute())
                == 1;
    }

    List<DeliveryAttemptRow> attempts(long webhookId, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(ATTEMPTS)
                .bind("webhookId", webhookId)
                .bind("limit", limit)
                .map(RowMappers.DELIVERY_ATTEMPT)
                .list());
    }

    List<ClaimedDeliveryRow> claimDue(Instant now, Instant leaseUntil, UUID claim, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(CLAIM_DUE)
                .bind("now", now)
                .bind("leaseUntil", leaseUntil)
                .bind("claim", claim)
                .bind("limit", limit)
                .map(RowMappers.CLAIMED_DELIVERY)
                .list());
    }

    /** One attempt of {@link #recordAll}: the columns {@link #RECORD_ALL} writes. */
    record AttemptRecord(
            long deliveryId,
            UUID claim,
            int attempt,
            String state,
            Instant nextAttemptAt,
            int statusCode,
            String error,
            Instant at) {}

    /** {@link #BACKLOG}: how many are due, and the oldest due time (null when none). */
    Backlog backlog(Instant now) {
        return jdbi.withHandle(handle -> handle.createQuery(BACKLOG)
                .bind("now", now)
                .map((rs, ctx) -> {
                    OffsetDateTime oldest = rs.getObject("oldest_due", OffsetDateTime.class);
                    return new Backlog(rs.getLong("due"), oldest == null ? null : oldest.toInstant());
                })
                .one());
    }

    record Backlog(long due, Instant oldestDue) {}

    /** Returns how many of the attempts were recorded (their claims still held their deliveries). */
    int recordAll(List<AttemptRecord> records) {
        int n = records.size();
        Long[] deliveryIds = new Long[n];
        String[] claims = new String[n];
        Integer[] attempts = new Integer[n];
        String[] states = new String[n];
        String[] nextAttemptAts = new String[n];
        Integer[] statusCodes = new Integer[n];
        String[] errors = new String[n];
        String[] ats = new String[n];
        for (int i = 0; i < n; i++) {
            AttemptRecord r = records.get(i);
            deliveryIds[i] = r.deliveryId();
            claims[i] = r.claim().toString();
            attempts[i] = r.attempt();
            states[i] = r.state();
            nextAttemptAts[i] =
                    r.nextAttemptAt() == null ? null : r.nextAttemptAt().toString();
            statusCodes[i] = r.statusCode();
            errors[i] = r.error();
            ats[i] = r.at().toString();
        }
        return jdbi.withHandle(handle -> handle.createUpdate(RECORD_ALL)
                .bind("deliveryIds", deliveryIds)
                .bind("claims", claims)
                .bind("attempts", attempts)
                .bind("states", states)
                .bind("nextAttemptAts", nextAttemptAts)
                .bind("statusCodes", statusCodes)
                .bind("errors", errors)
                .bind("ats", ats)
                .execute());
    }
}
