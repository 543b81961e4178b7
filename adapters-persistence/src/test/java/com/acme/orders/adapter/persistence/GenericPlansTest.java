package com.acme.orders.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pool plans every prepared statement once, generically ({@link Database#PLAN_EACH_STATEMENT_ONCE}); that is
 * only safe if the generic plan of each statement the service runs on its tables reads an index, never the whole
 * table. Each statement is prepared as the driver prepares it, with its parameters unknown to the planner, on tables
 * large enough that a sequential scan would lose (5,000 users, 40,000 orders and their history, 40,000 idempotency
 * keys, 40,000 refresh token families and tokens, 40,000 throttle buckets, a webhook per user with a delivery and an
 * attempt per event, analysed), and its generic plan is checked.
 */
class GenericPlansTest {

    private static final Pattern NAMED_PARAMETER = Pattern.compile("(?<!:):([A-Za-z_][A-Za-z0-9_]*)");

    private static Database database;

    @BeforeAll
    static void seed() throws SQLException {
        database = Database.connect(TestDatabase.fresh());
        execute("""
                INSERT INTO users (name, email, password_hash, created_at)
                SELECT 'User ' || g, 'user' || g || '@plans.invalid',
                       '$2a$12$AAAAAAAAAAAAAAAAAAAAAOAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', now()
                FROM generate_series(1, 5000) g""", """
                WITH placed AS (
                    INSERT INTO orders (id, user_id, product_name, amount, status, created_at, updated_at)
                    SELECT nextval('orders_id_seq'), (SELECT min(id) FROM users) + g % 5000, 'Item ' || g, 10.00,
                           (ARRAY['pending', 'processing', 'completed', 'cancelled'])[1 + g % 4],
                           now() - g * interval '1 second', now() - g * interval '1 second'
                    FROM generate_series(1, 40000) g
                    RETURNING id, user_id, status, created_at
                )
                INSERT INTO order_status_history (order_id, user_id, from_status, to_status, at, actor, sequence)
                SELECT id, user_id, NULL, 'pending', created_at, 'user', 1 FROM placed""", """
                INSERT INTO idempotency_keys (user_id, idempotency_key, fingerprint, status, created_at)
                SELECT (SELECT min(id) FROM users) + g % 5000, 'key-' || g, md5(g::text), 'in_flight',
                       now() - g * interval '1 second'
                FROM generate_series(1, 40000) g""", """
                INSERT INTO refresh_token_families (id, user_id, created_at, expires_at)
                SELECT md5(g::text)::uuid, (SELECT min(id) FROM users) + g % 5000, now(),
                       now() + g * interval '1 minute'
                FROM generate_series(1, 40000) g""", """
                INSERT INTO refresh_tokens (token_hash, family_id, issued_at)
                SELECT encode(sha256(g::text::bytea), 'hex'), md5((1 + g % 40000)::text)::uuid, now()
                FROM generate_series(1, 40000) g""", """
                INSERT INTO throttle_buckets (id, state, expires_at)
                SELECT '20/60000ms:address:10.0.' || (g / 256) || '.' || (g % 256), '\\x00'::bytea,
                       now() + g * interval '1 second'
                FROM generate_series(1, 40000) g""", """
                INSERT INTO webhooks (user_id, url, event_types, secret_sealed, created_at)
                SELECT id, 'https://hooks.example.com/' || id, ARRAY['order.created'], '\\x00'::bytea, now()
                FROM users""", """
                INSERT INTO webhook_deliveries (webhook_id, event_id, state, attempts, next_attempt_at)
                SELECT w.id, h.id, CASE WHEN h.id % 10 = 0 THEN 'pending' ELSE 'delivered' END, 1,
                       CASE WHEN h.id % 10 = 0 THEN now() + (h.id % 100) * interval '1 minute' END
                FROM order_status_history h JOIN webhooks w ON w.user_id = h.user_id""", """
                INSERT INTO webhook_delivery_attempts (delivery_id, webhook_id, attempt, status_code, error, at)
                SELECT id, webhook_id, 1, 200, NULL, now() FROM webhook_deliveries""", "ANALYZE");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static Stream<Arguments> statements() {
        return Stream.of(
                Arguments.of("UserDao.TOKEN_VERSION", UserDao.TOKEN_VERSION),
                Arguments.of("UserDao.FIND_BY_ID", UserDao.FIND_BY_ID),
                Arguments.of("UserDao.FIND_BY_EMAIL", UserDao.FIND_BY_EMAIL),
                Arguments.of("UserDao.INCREMENT_TOKEN_VERSION", UserDao.INCREMENT_TOKEN_VERSION),
                Arguments.of("OrderDao.FIND_BY_ID", OrderDao.FIND_BY_ID),
                Arguments.of("OrderDao.FIND_PAGE", OrderDao.FIND_PAGE),
                Arguments.of("OrderDao.FIND_PAGE_IN_STATUS", OrderDao.FIND_PAGE_IN_STATUS),
                Arguments.of("OrderDao.APPLY_IF_CURRENT", OrderDao.APPLY_IF_CURRENT),
                Arguments.of("OrderDao.APPLY_TO_EACH", OrderDao.APPLY_TO_EACH),
                Arguments.of(
                        "OrderDao.APPLY_TO_OLDEST from pending",
                        OrderDao.APPLY_TO_OLDEST.replace("<fromLiteral>", "'pending'")),
                Arguments.of(
                        "OrderDao.APPLY_TO_OLDEST from processing",
                        OrderDao.APPLY_TO_OLDEST.replace("<fromLiteral>", "'processing'")),
                Arguments.of("OrderDao.HISTORY", OrderDao.HISTORY),
                Arguments.of("EventDao.FEED", EventDao.FEED),
                Arguments.of("PgEventSignals.NEWER", PgEventSignals.NEWER),
                Arguments.of("PgEventSignals.NEWEST", PgEventSignals.NEWEST),
                Arguments.of("IdempotencyKeyDao.FIND", IdempotencyKeyDao.FIND),
                Arguments.of("IdempotencyKeyDao.DELETE_STALE", IdempotencyKeyDao.DELETE_STALE),
                Arguments.of("IdempotencyKeyDao.COMPLETE", IdempotencyKeyDao.COMPLETE),
                Arguments.of("IdempotencyKeyDao.RELEASE", IdempotencyKeyDao.RELEASE),
                Arguments.of("IdempotencyKeyDao.DELETE_EXPIRED", IdempotencyKeyDao.DELETE_EXPIRED),
                Arguments.of("RefreshTokenDao.LOCK", RefreshTokenDao.LOCK),
                Arguments.of("RefreshTokenDao.MARK_SPENT", RefreshTokenDao.MARK_SPENT),
                Arguments.of("RefreshTokenDao.REVOKE_FAMILY", RefreshTokenDao.REVOKE_FAMILY),
                Arguments.of("RefreshTokenDao.REVOKE_ALL_OF_USER", RefreshTokenDao.REVOKE_ALL_OF_USER),
                Arguments.of("RefreshTokenDao.DELETE_EXPIRED", RefreshTokenDao.DELETE_EXPIRED),
                Arguments.of("ThrottleBucketDao.DELETE_EXPIRED", ThrottleBucketDao.DELETE_EXPIRED),
                // Bucket4j's own statements (PostgreSQLSelectForUpdateBasedProxyManager), on the same pool
                Arguments.of(
                        "Bucket4j's lock", "SELECT state as state FROM throttle_buckets WHERE id = :id FOR UPDATE"),
                Arguments.of(
                        "Bucket4j's update",
                        "UPDATE throttle_buckets SET state = :state, expires_at = :expiresAt WHERE id = :id"),
                Arguments.of("Bucket4j's remove", "DELETE FROM throttle_buckets WHERE id = :id"),
                Arguments.of("WebhookDao.LOCK_OWNER", WebhookDao.LOCK_OWNER),
                Arguments.of("WebhookDao.INSERT_IF_FEWER", WebhookDao.INSERT_IF_FEWER),
                Arguments.of("WebhookDao.FIND_BY_ID", WebhookDao.FIND_BY_ID),
                Arguments.of("WebhookDao.FIND_BY_OWNER", WebhookDao.FIND_BY_OWNER),
                Arguments.of("WebhookDao.DELETE", WebhookDao.DELETE),
                Arguments.of("WebhookDao.ATTEMPTS", WebhookDao.ATTEMPTS),
                Arguments.of("WebhookDao.CLAIM_DUE", WebhookDao.CLAIM_DUE),
                Arguments.of("WebhookDao.RECORD_ALL", WebhookDao.RECORD_ALL),
                Arguments.of("WebhookDao.BACKLOG", WebhookDao.BACKLOG));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void the_generic_plan_reads_indexes_only(String name, String sql) throws SQLException {
        List<String> plan = genericPlan(sql);

        assertThat(plan)
                .as("generic plan of %s:%n%s", name, String.join("\n", plan))
                .noneMatch(line -> line.contains("Seq Scan"))
                .anyMatch(line -> line.contains("Index"));
    }

    @Test
    void the_event_signals_look_reads_the_newest_history_in_index_order_without_a_sort() throws SQLException {
        List<String> plan = genericPlan(PgEventSignals.NEWER);

        assertThat(plan)
                .as("generic plan of PgEventSignals.NEWER:%n%s", String.join("\n", plan))
                .noneMatch(line -> line.contains("Sort") || line.contains("Gather"))
                .anyMatch(line -> line.contains("Index Scan using order_status_history_pkey"));
    }

    /** EXPLAIN of the statement's generic plan, prepared with every named parameter as {@code $n}. */
    private static List<String> genericPlan(String sql) throws SQLException {
        Matcher parameters = NAMED_PARAMETER.matcher(sql);
        List<String> names = new ArrayList<>();
        StringBuilder positional = new StringBuilder();
        while (parameters.find()) {
            if (!names.contains(parameters.group(1))) {
                names.add(parameters.group(1));
            }
            parameters.appendReplacement(positional, "\\$" + (names.indexOf(parameters.group(1)) + 1));
        }
        parameters.appendTail(positional);
        String nulls = names.stream().map(unused -> "NULL").collect(Collectors.joining(", "));
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("PREPARE planned AS " + positional);
            try (ResultSet rows =
                    statement.executeQuery("EXPLAIN EXECUTE planned" + (names.isEmpty() ? "" : "(" + nulls + ")"))) {
                List<String> plan = new ArrayList<>();
                while (rows.next()) {
                    plan.add(rows.getString(1));
                }
                return plan;
            } finally {
                statement.execute("DEALLOCATE planned");
            }
        }
    }

    private static void execute(String... sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }
}
