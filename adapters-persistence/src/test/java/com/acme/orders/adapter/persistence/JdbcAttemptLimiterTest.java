package com.acme.orders.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.acme.orders.adapter.persistence.testing.TestDatabase;
import com.acme.orders.application.port.out.AttemptLimit;
import com.acme.orders.application.port.out.AttemptLimiter;
import com.acme.orders.application.port.out.AttemptLimiterContract;
import com.acme.orders.application.port.out.StorageUnavailableException;
import com.acme.orders.application.testing.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract on PostgreSQL through Bucket4j, and what only a shared database shows: two instances count against the
 * same buckets, concurrent attempts never exceed the limit, the rows behind a transaction pooler, and an outage.
 */
class JdbcAttemptLimiterTest extends AttemptLimiterContract {

    private static DatabaseSettings settings;
    private static Database database;
    private static Database secondInstance;

    private final MutableClock clock = MutableClock.atDefaultStart();
    private final AttemptLimiter limiter = database.attemptLimiter(clock);

    @BeforeAll
    static void connect() {
        settings = TestDatabase.fresh();
        database = Database.connect(settings);
        secondInstance = Database.connect(settings, new PoolerSettings(true, Optional.of(settings)), null);
    }

    @AfterAll
    static void close() {
        secondInstance.close();
        database.close();
    }

    @Override
    protected AttemptLimiter limiter() {
        return limiter;
    }

    @Override
    protected MutableClock clock() {
        return clock;
    }

    @Test
    void two_instances_on_one_database_share_the_limit_and_concurrent_attempts_never_exceed_it() throws Exception {
        AttemptLimit limit = new AttemptLimit(20, Duration.ofMinutes(1));
        String key = "address:" + UUID.randomUUID();
        // the second instance's pool is set up for a transaction pooler: no session state, nothing prepared
        List<AttemptLimiter> instances =
                List.of(database.attemptLimiter(Clock.systemUTC()), secondInstance.attemptLimiter(Clock.systemUTC()));
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            AttemptLimiter instance = instances.get(i % 2);
            attempts.add(() -> instance.tryAttempt(key, limit).allowed());
        }

        int allowed = 0;
        try (ExecutorService threads = Executors.newFixedThreadPool(6)) {
            for (Future<Boolean> attempt : threads.invokeAll(attempts)) {
                allowed += attempt.get() ? 1 : 0;
            }
        }

        // a second or so of refill may add one
        assertThat(allowed).isBetween(20, 21);
    }

    @Test
    void a_row_names_its_limit_and_key_and_expires_when_the_bucket_is_full_again() throws SQLException {
        String key = "account:" + UUID.randomUUID() + "@example.com";
        AttemptLimit limit = new AttemptLimit(5, Duration.ofMinutes(15));
        limiter.tryAttempt(key, limit);

        try (Connection connection = TestDatabase.connect(settings);
                PreparedStatement select =
                        connection.prepareStatement("SELECT expires_at FROM throttle_buckets WHERE id = ?")) {
            select.setString(1, "5/900000ms:" + key);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                // one of five attempts used: back after 15 / 5 minutes
                assertThat(row.getObject(1, OffsetDateTime.class).toInstant())
                        .isCloseTo(clock.instant().plus(Duration.ofMinutes(3)), within(1, ChronoUnit.MILLIS));
            }
        }
    }

    @Test
    void a_database_that_cannot_be_reached_is_storage_unavailable(@TempDir Path dataDir) {
        EmbeddedDatabase own = EmbeddedDatabase.start(dataDir.resolve("postgres"), 0);
        try (Database soonGone = Database.connect(own.settings().withMaximumPoolSize(2))) {
            AttemptLimiter gone = soonGone.attemptLimiter(clock);
            AttemptLimit limit = new AttemptLimit(3, Duration.ofMinutes(1));
            assertThat(gone.tryAttempt("address:192.0.2.1", limit).allowed()).isTrue();

            own.close();
            Instant start = Instant.now();

            assertThatThrownBy(() -> gone.tryAttempt("address:192.0.2.1", limit))
                    .isInstanceOf(StorageUnavailableException.class);
            assertThatThrownBy(() -> gone.forget("address:192.0.2.1", limit))
                    .isInstanceOf(StorageUnavailableException.class);
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(15));
        } finally {
            own.close();
        }
    }
}
