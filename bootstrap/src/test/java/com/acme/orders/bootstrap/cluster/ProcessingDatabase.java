package com.acme.orders.bootstrap.cluster;

import com.acme.orders.adapter.persistence.Database;
import com.acme.orders.adapter.persistence.DatabaseSettings;
import com.acme.orders.adapter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/** A fresh, migrated database for processes of the service to share, and the SQL the tests check it with. */
final class ProcessingDatabase implements AutoCloseable {

    static final String SECRET = "cluster-test-secret-key-0123456789-abcdefghij";

    private final DatabaseSettings settings;
    private final Database database;

    ProcessingDatabase() {
        this.settings = TestDatabase.fresh();
        this.database = Database.connect(settings);
    }

    /** The environment an instance needs to join this database. */
    Map<String, String> environment(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", TestDatabase.url(settings));
        env.put("SECRET_KEY", SECRET);
        env.put("APP_HOST", "127.0.0.1");
        env.put("APP_PORT", "0");
        env.put("MANAGEMENT_HOST", "127.0.0.1");
        env.put("MANAGEMENT_PORT", "0");
        env.put("BCRYPT_COST", "4");
        env.put("DB_POOL_SIZE", "4");
        env.putAll(overrides);
        return env;
    }

    /** Inserts {@code count} pending orders placed an hour ago, with their first history entries. */
    void seedPendingOrders(int count) throws SQLException {
        execute("""
                INSERT INTO users (id, name, email, password_hash, created_at)
                VALUES (nextval('users_id_seq'), 'Seed', 'seed-' || gen_random_uuid() || '@example.com',
                        '$2a$04$abcdefghijklmnopqrstuu5hZ0Q6rE6pC9M1mB0QwJ6W8wq9y0nq2', now())
                """);
        execute("""
                WITH placed AS (
                    INSERT INTO orders (id, user_id, product_name, amount, status, created_at, updated_at)
                    SELECT nextval('orders_id_seq'), (SELECT max(id) FROM users), 'Item ' || g, 10.00, 'pending',
                           now() - interval '1 hour', now() - interval '1 hour'
                    FROM generate_series(1, %d) g
                    RETURNING id, user_id, created_at)
                INSERT INTO order_status_history (order_id, user_id, from_status, to_status, at, actor, sequence)
                SELECT id, user_id, NULL, 'pending', created_at, 'user', 1 FROM placed
                """.formatted(count));
    }

    long count(String sql) throws SQLException {
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Orders whose history does not hold exactly one entry of each transition the job makes. */
    long ordersNotProcessedExactlyOnce() throws SQLException {
        return count("""
                SELECT count(*) FROM orders o
                WHERE o.status <> 'completed'
                   OR (SELECT count(*) FROM order_status_history h
                        WHERE h.order_id = o.id AND h.from_status = 'pending' AND h.to_status = 'processing'
                          AND h.actor = 'system') <> 1
                   OR (SELECT count(*) FROM order_status_history h
                        WHERE h.order_id = o.id AND h.from_status = 'processing' AND h.to_status = 'completed'
                          AND h.actor = 'system') <> 1
                   OR (SELECT count(*) FROM order_status_history h WHERE h.order_id = o.id) <> 3
                """);
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Where the database is, directly on its server. */
    DatabaseSettings settings() {
        return settings;
    }

    DataSource dataSource() {
        return database.dataSource();
    }

    @Override
    public void close() {
        database.close();
    }
}
