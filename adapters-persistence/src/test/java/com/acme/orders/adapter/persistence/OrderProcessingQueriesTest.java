package com.acme.orders.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.persistence.testing.TestDatabase;
import com.acme.orders.application.port.out.OrderRepository;
import com.acme.orders.domain.order.OrderId;
import com.acme.orders.domain.order.StatusChange;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The processing job's two statements at volume, on a database of their own (their batches take every owner's
 * orders): the rows are written with plain SQL in one statement, the batches run through the repository as the job
 * runs them, and the outcome is checked with SQL.
 */
class OrderProcessingQueriesTest {

    private static final int ORDERS = 10_000;
    private static final int BATCH = 500;
    private static final Instant FIRST_PLACED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant RUN = Instant.parse("2026-02-01T00:00:00Z");

    private Database database;

    @BeforeEach
    void connect() {
        database = Database.connect(TestDatabase.fresh());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void batches_take_every_pending_order_exactly_once_oldest_first_and_complete_each() throws SQLException {
        insertPendingOrders();
        Map<Long, Instant> placedAt = placementTimes();
        OrderRepository orders = database.orders();

        List<List<OrderId>> batches = new ArrayList<>();
        int completed = 0;
        List<OrderId> batch;
        do {
            batch = orders.applyToOldest(StatusChange.processingStart(RUN), RUN, BATCH);
            if (!batch.isEmpty()) {
                batches.add(batch);
                completed += orders.applyToEach(batch, StatusChange.completion(RUN.plusSeconds(1)));
            }
        } while (!batch.isEmpty());

        assertThat(batches)
                .hasSize(ORDERS / BATCH)
                .allSatisfy(taken -> assertThat(taken).hasSize(BATCH));
        assertThat(batches.stream().flatMap(List::stream).toList())
                .doesNotHaveDuplicates()
                .hasSize(ORDERS);
        assertThat(completed).isEqualTo(ORDERS);
        Comparator<OrderId> byPlacement = Comparator.<OrderId, Instant>comparing(id -> placedAt.get(id.value()))
                .thenComparingLong(OrderId::value);
        for (int i = 1; i < batches.size(); i++) {
            OrderId newestOfPrevious =
                    batches.get(i - 1).stream().max(byPlacement).orElseThrow();
            OrderId oldestOfThis = batches.get(i).stream().min(byPlacement).orElseThrow();
            assertThat(byPlacement.compare(newestOfPrevious, oldestOfThis))
                    .as("batch %d is older than %d", i - 1, i)
                    .isNegative();
        }
        assertThat(count("SELECT count(*) FROM orders WHERE status <> 'completed'"))
                .isZero();
        assertThat(count("""
                SELECT count(*)
                FROM orders o
                WHERE (SELECT count(*) FROM order_status_history h
                       WHERE h.order_id = o.id AND h.from_status = 'pending' AND h.to_status = 'processing'
                         AND h.actor = 'system') <> 1
                   OR (SELECT count(*) FROM order_status_history h
                       WHERE h.order_id = o.id AND h.from_status = 'processing' AND h.to_status = 'completed'
                         AND h.actor = 'system') <> 1
                """)).isZero();
        assertThat(count("SELECT count(*) FROM order_status_history")).isEqualTo(3L * ORDERS);
    }

    /** {@link #ORDERS} pending orders of one owner, three placed per second, each with its placement in history. */
    private void insertPendingOrders() throws SQLException {
        execute("""
                INSERT INTO users (name, email, password_hash, created_at)
                VALUES ('Owner', 'owner@example.com', 'hash', now())""");
        execute("""
                WITH placed AS (
                    INSERT INTO orders (user_id, product_name, amount, status, created_at, updated_at)
                    SELECT u.id, 'Laptop', 10, 'pending', t.at, t.at
                    FROM users u,
                         LATERAL (SELECT timestamptz '%s' + (g / 3) * interval '1 second' AS at
                                  FROM generate_series(0, %d) AS g) AS t
                    RETURNING id, user_id, created_at
                )
                INSERT INTO order_status_history (order_id, user_id, from_status, to_status, at, actor, sequence)
                SELECT id, user_id, NULL, 'pending', created_at, 'user', 1
                FROM placed""".formatted(FIRST_PLACED, ORDERS - 1));
        execute("ANALYZE orders");
    }

    private Map<Long, Instant> placementTimes() throws SQLException {
        Map<Long, Instant> placedAt = new HashMap<>();
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, created_at FROM orders")) {
            while (rows.next()) {
                placedAt.put(
                        rows.getLong(1), rows.getObject(2, OffsetDateTime.class).toInstant());
            }
        }
        return placedAt;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getLong(1);
        }
    }
}
