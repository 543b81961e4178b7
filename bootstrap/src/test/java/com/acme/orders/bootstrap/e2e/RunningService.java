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
        env.put("DATABASE_URL", TestDatabase.url(database));
        env.putAll(overrides);
        return new RunningService(OrderServiceApp.start(AppConfig.from(env)), database);
    }

    static Map<String, String> baseEnvironment() {
        return Map.ofEntries(
                Map.entry("SECRET_KEY", SECRET),
                Map.entry("APP_HOST", "127.0.0.1"),
                Map.entry("APP_PORT", "0"),
                Map.entry("MANAGEMENT_HOST", "127.0.0.1"),
                Map.entry("MANAGEMENT_PORT", "0"),
                Map.entry("BCRYPT_COST", "4"),
                Map.entry("BCRYPT_THREADS", "2"),
                Map.entry("DB_POOL_SIZE", "8"),
                // bursts here exceed four requests per connection on purpose (fifty identical creations):
                // shedding them would test the shedding, which adapters-http's tests do
                Map.entry("MAX_ORDER_REQUESTS_IN_FLIGHT", "1000"),
                Map.entry("SHUTDOWN_TIMEOUT_SECONDS", "5"),
                Map.entry("SHUTDOWN_DRAIN_SECONDS", "0"),
                // no scheduled run during a test unless the test asks for one
                Map.entry("ORDER_PROCESSING_INTERVAL_SECONDS", "3600"),
                // every test client is 127.0.0.1: only the throttling tests ask for low limits
                Map.entry("LOGIN_RATE_PER_MINUTE_PER_ADDRESS", "100000"),
                Map.entry("LOGIN_FAILURES_PER_ACCOUNT", "1000"));
    }

    ApiClient client() {
        return new ApiClient(app.port());
    }

    int port() {
        return app.port();
    }

    /** A client of the management listener: the metrics and the health endpoints. */
    ApiClient managementClient() {
        return new ApiClient(app.managementPort());
    }

    int managementPort() {
        return app.managementPort();
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
