package com.acme.orders.adapter.persistence;

import com.acme.orders.application.port.out.AttemptDecision;
import com.acme.orders.application.port.out.AttemptLimit;
import com.acme.orders.application.port.out.AttemptLimiter;
import com.acme.orders.application.port.out.StorageUnavailableException;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.CustomColumnProvider;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The log-in limits' token buckets in PostgreSQL ({@code throttle_buckets}, V14), through Bucket4j, so that every
 * instance counts against the same buckets.
 *
 * <p>Bucket4j's select-for-update proxy manager, with text keys: each attempt is one short transaction that inserts
 * the key's row if it is missing, locks it ({@code SELECT ... FOR UPDATE}), and writes the new state. The other choice,
 * the advisory-lock proxy manager, wants {@code long} keys: an address or an email would have to be hashed into the one
 * 64-bit advisory lock space that Flyway's migration lock shares, where two keys that collide would share a bucket.
 * A row lock needs neither, ends with its transaction, and so works behind a pooler in transaction mode (no session
 * state; with {@code prepareThreshold=0} the driver prepares nothing on the server). Rows stay readable by key for an
 * operator.
 *
 * <p>Time is the given clock's, for the buckets' refill and for {@code expires_at} alike; instances must keep their
 * clocks in step (NTP), as for every other timestamp they write.
 */
public final class JdbcAttemptLimiter implements AttemptLimiter {

    private static final ExpirationAfterWriteStrategy UNTIL_REFILLED =
            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO);

    private static final String DELETE_EXPIRED = """
            DELETE FROM throttle_buckets
            WHERE id IN (
                SELECT id FROM throttle_buckets
                WHERE expires_at < :now
                ORDER BY expires_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED)
            """;

    private final ProxyManager<String> buckets;
    private final Jdbi jdbi;

    JdbcAttemptLimiter(DataSource dataSource, Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("throttle_buckets")
                .idColumn("id")
                .stateColumn("state")
                .clientClock(new ClockTimeMeter(clock))
                .addCustomColumn(new ExpiresAt())
                .build();
    }

    @Override
    public AttemptDecision tryAttempt(String key, AttemptLimit limit) {
        ConsumptionProbe probe;
        try {
            probe = buckets.builder()
                    .build(storedKey(key, limit), configuration(limit))
                    .tryConsumeAndReturnRemaining(1);
        } catch (BucketExceptions.BucketExecutionException failure) {
            throw undecided(failure);
        }
        return probe.isConsumed()
                ? AttemptDecision.allow()
                : AttemptDecision.refuse(Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill())));
    }

    @Override
    public void forget(String key, AttemptLimit limit) {
        try {
            buckets.removeProxy(storedKey(key, limit));
        } catch (BucketExceptions.BucketExecutionException failure) {
            throw undecided(failure);
        }
    }

    /**
     * Bucket4j wraps every JDBC failure in a {@link BucketExceptions.BucketExecutionException}, and when a connection
     * breaks mid-transaction, its rollback's "connection is closed" replaces the failure that said why. Either way the
     * limiter could not decide, and the attempt must not go ahead: the store is unavailable (fail closed).
     */
    private static RuntimeException undecided(BucketExceptions.BucketExecutionException failure) {
        Throwable translated = StorageFailures.translate(failure);
        return translated instanceof StorageUnavailableException unavailable
                ? unavailable
                : new StorageUnavailableException(
                        "the log-in limits cannot be counted: " + failure.getMessage(), failure);
    }

    @Override
    public int removeExpired(Instant now, int limit) {
        return jdbi.withHandle(handle -> handle.createUpdate(DELETE_EXPIRED)
                .bind("now", now)
                .bind("limit", limit)
                .execute());
    }

    /** The limit is part of the key: a changed limit counts afresh rather than under the stored configuration. */
    static String storedKey(String key, AttemptLimit limit) {
        return limit.attempts() + "/" + limit.window().toMillis() + "ms:" + key;
    }

    private static Supplier<BucketConfiguration> configuration(AttemptLimit limit) {
        return () -> BucketConfiguration.builder()
                .addLimit(bandwidth ->
                        bandwidth.capacity(limit.attempts()).refillGreedy(limit.attempts(), limit.window()))
                .build();
    }

    /**
     * {@code expires_at}: when the bucket will be full again, on the limiter's clock (Bucket4j's own column would mix
     * the system clock in); {@link #removeExpired} compares it with the same clock.
     */
    private static final class ExpiresAt implements CustomColumnProvider<String> {

        @Override
        public void setCustomField(
                String key, int paramIndex, PreparedStatement statement, RemoteBucketState state, long currentTimeNanos)
                throws SQLException {
            long ttlMillis = UNTIL_REFILLED.calculateTimeToLiveMillis(state, currentTimeNanos);
            Instant now = Instant.ofEpochSecond(0, currentTimeNanos);
            statement.setObject(
                    paramIndex, now.plusMillis(Math.max(0, ttlMillis)).atOffset(ZoneOffset.UTC));
        }

        @Override
        public String getCustomFieldName() {
            return "expires_at";
        }
    }

    /** Bucket4j's time source over the service's clock. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
