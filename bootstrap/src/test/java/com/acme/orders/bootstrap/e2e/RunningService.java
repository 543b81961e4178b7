package com.acme.orders.bootstrap.e2e;

import com.acme.orders.adapter.persistence.DatabaseSettings;
import com.acme.orders.adapter.persistence.testing.TestDatabase;
import com.acme.orders.bootstrap.AppConfig;
import com.acme.orders.bootstrap.OrderServiceApp;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole service started as {@code main} starts it, on a fresh PostgreSQL database (embedded, or on the server of
 * {@code TEST_DATABASE_URL}) and a free port, with cheap bcrypt.
 */
final class RunningService implements AutoCloseable {

    static final String SECRET = "end-to-end-test-secret-key-0123456789-abcdefgh";

    private final OrderServiceApp app;
    private final DatabaseSettings database;

    private RunningService(OrderServiceApp app, DatabaseSettings database) {
        this.app = app;
        this.database = database;
    }

    static RunningService start() {
        return start(Map.of());
    }

    static RunningService start(Map<String, String> overrides) {
        return startOn(TestDatabase.fresh(), overrides);
    }

    /** A service on a database that exists already (another service may have used it before). */
    static RunningService startOn(DatabaseSettings database, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(baseEnvironment());
        env.put("DATABASE_URL", database.jdbcUrl()
                + (database.username() == null ? "" : (database.jdbcUrl().contains("?") ? "&" : "?")
                + "user=" + database.username()
                + (database.password() == null ? "" : "&password=" + database.password())));
        env.putAll(overrides);
        return new RunningService(OrderServiceApp.start(AppConfig.from(env)), database);
    }

    static Map<String, String> baseEnvironment() {
        return Map.of(
                "SECRET_KEY", SECRET,
                "APP_HOST", "127.0.0.1",
                "APP_PORT", "0",
                "BCRYPT_COST", "4",
                "BCRYPT_THREADS", "2",
                "DB_POOL_SIZE", "8",
                "SHUTDOWN_TIMEOUT_SECONDS", "5",
                // no scheduled run during a test unless the test asks for one
                "ORDER_PROCESSING_INTERVAL_SECONDS", "3600");
    }

    ApiClient client() {
        return new ApiClient(app.port());
    }

    int port() {
        return app.port();
    }

    OrderServiceApp app() {
        return app;
    }

    DatabaseSettings database() {
        return database;
    }

    @Override
    public void close() {
        app.stop();
    }
}
