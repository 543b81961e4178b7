package com.acme.orders.adapter.persistence;

import com.acme.orders.application.port.out.AttemptLimiter;
import com.acme.orders.application.port.out.IdempotencyKeys;
import com.acme.orders.application.port.out.OrderEventFeed;
import com.acme.orders.application.port.out.OrderRepository;
import com.acme.orders.application.port.out.RefreshTokens;
import com.acme.orders.application.port.out.TransactionRunner;
import com.acme.orders.application.port.out.UserRepository;
import com.acme.orders.application.port.out.WebhookDeliveries;
import com.acme.orders.application.port.out.WebhookRepository;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's PostgreSQL database: a connection pool, a schema migrated to the latest version, and the
 * repositories and transaction runner that work on it. Made once at start-up by {@link #connect}, closed at shutdown.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REACHABILITY_TIMEOUT = Duration.ofSeconds(2);
    static final String PLANNED_ONCE_MODE = "force_generic_plan";
    static final String PLAN_EACH_STATEMENT_ONCE = "SET plan_cache_mode = " + PLANNED_ONCE_MODE;

    private final HikariDataSource dataSource;
    private final DatabaseSettings settings;
    private final PoolerSettings pooler;
    private final UserRepository users;
    private final OrderRepository orders;
    private final TransactionRunner transactions;
    private final IdempotencyKeys idempotencyKeys;
    private final RefreshTokens refreshTokens;
    private final OrderEventFeed events;
    private final MeterRegistry meters;
    private final Jdbi jdbi;

    private Database(
            HikariDataSource dataSource,
            DatabaseSettings settings,
            PoolerSettings pooler,
            MeterRegistry meters,
            Jdbi jdbi) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.pooler = pooler;
        this.meters = meters;
        this.jdbi = jdbi;
        this.users = StorageFailures.translating(UserRepository.class, new JdbiUserRepository(jdbi));
        this.orders = StorageFailures.translating(OrderRepository.class, new JdbiOrderRepository(jdbi));
        this.transactions = StorageFailures.translating(TransactionRunner.class, new JdbiTransactionRunner(jdbi));
        this.idempotencyKeys = StorageFailures.translating(IdempotencyKeys.class, new JdbiIdempotencyKeys(jdbi));
        this.refreshTokens = StorageFailures.translating(RefreshTokens.class, new JdbiRefreshTokens(jdbi));
        this.events = StorageFailures.translating(OrderEventFeed.class, new JdbiOrderEventFeed(jdbi));
    }

    /**
     * Opens the pool, waits for the server to answer (at most about 5 seconds) and migrates the schema with the
     * migrations under {@code db/migration}. Several instances starting together are safe: Flyway serialises them
     * with a PostgreSQL advisory lock.
     *
     * @throws DatabaseStartupException when the server cannot be reached or a migration fails
     */
    public static Database connect(DatabaseSettings settings) {
        return connect(settings, null);
    }

    /**
     * As {@link #connect(DatabaseSettings)}, publishing the pool's metrics ({@code hikaricp_*}, tagged with the pool's
     * name) to {@code meters}, and those of every {@link #dedicatedPool} too; {@code null}: no pool metrics.
     */
    public static Database connect(DatabaseSettings settings, MeterRegistry meters) {
        return connect(settings, PoolerSettings.NONE, meters);
    }

    /**
     * As {@link #connect(DatabaseSettings, MeterRegistry)}, with the service's connections set for what stands
     * between them and PostgreSQL ({@link PoolerSettings}): behind a transaction pooler they prepare nothing on the
     * server and send no session setting, and the schema is migrated over the direct connection of {@code pooler}.
     * Behind a transaction pooler the plan setting must come from the role or the database; a warning says so when
     * it does not.
     */
    public static Database connect(DatabaseSettings settings, PoolerSettings pooler, MeterRegistry meters) {
        HikariDataSource dataSource = openPool("orders", settings, pooler.transactionPooler(), meters);
        try {
            if (pooler.migrations().isPresent()) {
                try (HikariDataSource direct =
                        openPool("migrations", pooler.migrations().get().withMaximumPoolSize(1), false, null)) {
                    migrate(direct);
                }
            } else {
                migrate(dataSource);
            }
            if (pooler.transactionPooler()) {
                warnUnlessPlannedOnce(dataSource);
            }
        } catch (RuntimeException failure) {
            dataSource.close();
            throw failure;
        }
        return new Database(dataSource, settings, pooler, meters, jdbi(dataSource));
    }

    /** JDBI over {@code pool} as the service configures it, for the API's pool and for a dedicated one alike. */
    static Jdbi jdbi(DataSource pool) {
        Jdbi jdbi = Jdbi.create(pool).installPlugin(new PostgresPlugin());
        // a failed statement's message names the failure, never its bound values (a password hash, an email)
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        return jdbi;
    }

    private static void migrate(DataSource dataSource) {
        try {
            FluentConfiguration flyway =
                    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
            // A session-level advisory lock instead of one held in an open transaction: CREATE INDEX CONCURRENTLY
            // (V4) waits for every older transaction, Flyway's own included, and would hang.
            flyway.getConfigurationExtension(PostgreSQLConfigurationExtension.class)
                    .setTransactionalLock(false);
            MigrateResult result = flyway.load().migrate();
            LOG.info(
                    "Database schema at version {} ({} migration(s) applied)",
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                    result.migrationsExecuted);
        } catch (FlywayException failure) {
            throw new DatabaseStartupException("cannot migrate the database schema: " + failure.getMessage(), failure);
        }
    }

    /**
     * Behind a transaction pooler the service cannot set {@code plan_cache_mode} on its sessions; the role's or the
     * database's default must. Says so, with the statement that sets it, when a connection of the pool does not have
     * it.
     */
    private static void warnUnlessPlannedOnce(DataSource pool) {
        String mode = planCacheMode(pool);
        if (!PLANNED_ONCE_MODE.equals(mode)) {
            LOG.warn(
                    "plan_cache_mode is '{}' behind the transaction pooler, where the service cannot set it: set it "
                            + "for the service's role, ALTER ROLE <role> IN DATABASE <database> SET plan_cache_mode "
                            + "= {} (docs/deployment.md)",
                    mode,
                    PLANNED_ONCE_MODE);
        }
    }

    static String planCacheMode(DataSource pool) {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
                ResultSet mode = statement.executeQuery("SHOW plan_cache_mode")) {
            mode.next();
            return mode.getString(1);
        } catch (SQLException failure) {
            throw new DatabaseStartupException("cannot read plan_cache_mode: " + failure.getMessage(), failure);
        }
    }

    /**
     * A separate, small pool on the same database, for a component that must not compete with the API for
     * connections (the scheduler's job store). The caller closes it.
     */
    public HikariDataSource dedicatedPool(String name, int size) {
        return openPool(name, settings.withMaximumPoolSize(size), pooler.transactionPooler(), meters);
    }

    private static HikariDataSource openPool(
            String name, DatabaseSettings settings, boolean transactionPooler, MeterRegistry meters) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        if (meters != null) {
            config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        }
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maximumPoolSize());
        // keep a couple of connections warm and grow under load: many pools (instances, test databases) share a server
        config.setMinimumIdle(Math.min(2, settings.maximumPoolSize()));
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        // fail here, with the driver's reason, if the server does not answer within the connection timeout
        config.setInitializationFailTimeout(CONNECTION_TIMEOUT.toMillis());
        // Plan each prepared statement once per connection. Every statement of the service is written so that its
        // generic plan is an index plan (GenericPlansTest proves it); on "auto", PostgreSQL re-plans the page query
        // on every execution, because a bound LIMIT and keyset bound make its generic estimate look dearer than a
        // custom plan of the same shape, and the planning costs as much as running it (docs/performance.md).
        // Behind a transaction pooler a session setting would stay on whichever server connection ran it, and a
        // statement prepared on one server connection is unknown to the next: neither is sent there.
        if (transactionPooler) {
            config.addDataSourceProperty("prepareThreshold", "0");
        } else {
            config.setConnectionInitSql(PLAN_EACH_STATEMENT_ONCE);
        }
        // names our sessions in pg_stat_activity
        config.addDataSourceProperty("ApplicationName", "order-service");
        // keeps the server's "Failing row contains (...)" detail, row values included, out of exceptions and logs
        config.addDataSourceProperty("logServerErrorDetail", "false");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException failure) {
            throw new DatabaseStartupException(
                    "cannot connect to the database at " + settings.jdbcUrl().split("\\?")[0] + ": "
                            + rootMessage(failure),
                    failure);
        }
    }

    public UserRepository users() {
        return users;
    }

    public OrderRepository orders() {
        return orders;
    }

    public TransactionRunner transactions() {
        return transactions;
    }

    public IdempotencyKeys idempotencyKeys() {
        return idempotencyKeys;
    }

    public RefreshTokens refreshTokens() {
        return refreshTokens;
    }

    public OrderEventFeed events() {
        return events;
    }

    /**
     * The log-in limits' buckets, on the API's pool, read and written on {@code clock}'s time. A database that cannot
     * be reached is a {@code StorageUnavailableException}, as for every other port.
     */
    public AttemptLimiter attemptLimiter(Clock clock) {
        return StorageFailures.translating(AttemptLimiter.class, new JdbcAttemptLimiter(dataSource, jdbi, clock));
    }

    /**
     * The webhooks, their secrets sealed under a key derived from {@code secretKey} (the service's
     * {@code SECRET_KEY}: a secret sealed under one key opens only under the same key).
     */
    public WebhookRepository webhooks(byte[] secretKey) {
        return StorageFailures.translating(
                WebhookRepository.class,
                new JdbiWebhookRepository(jdbi, new SecretSeal(secretKey, new SecureRandom())));
    }

    /** The webhook deliveries, for the delivery worker; {@code secretKey} as for {@link #webhooks}. */
    public WebhookDeliveries webhookDeliveries(byte[] secretKey) {
        return StorageFailures.translating(
                WebhookDeliveries.class,
                new JdbiWebhookDeliveries(jdbi, new SecretSeal(secretKey, new SecureRandom())));
    }

    /** The pool itself, for components that need plain JDBC on the same database (the Quartz job store). */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Whether the database answers a {@code SELECT 1} within about two seconds, for the readiness probe. Never
     * throws: any failure, a timeout or a closed pool is {@code false}. The check runs on a virtual thread so that a
     * pool waiting for a free connection cannot hold the caller longer than the timeout.
     */
    public boolean isReachable() {
        if (dataSource.isClosed()) {
            return false;
        }
        FutureTask<Boolean> check = new FutureTask<>(this::selectOne);
        Thread.ofVirtual().name("orders-db-ping").start(check);
        try {
            return check.get(REACHABILITY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException failed) {
            check.cancel(true);
            return false;
        }
    }

    private boolean selectOne() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) REACHABILITY_TIMEOUT.toSeconds());
            try (ResultSet result = statement.executeQuery("SELECT 1")) {
                return result.next() && result.getInt(1) == 1;
            }
        } catch (SQLException | RuntimeException failure) {
            LOG.debug("Database not reachable", failure);
            return false;
        }
    }

    /** Closes every connection of the pool. Idempotent. */
    @Override
    public void close() {
        dataSource.close();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && !root.getCause().equals(root)) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
