package com.acme.orders.adapter.persistence;

import com.acme.orders.application.port.out.OrderEventSignals;
import com.acme.orders.domain.user.UserId;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event signals read off the history table: one connection of its own per instance asks PostgreSQL every
 * {@value #POLL_MILLIS} ms for the rows of {@code order_status_history} written since its last look ({@link #NEWER}),
 * and wakes the readers of their owners waiting on this instance, and the delivery worker. A waiting reader holds a
 * latch, not a connection. The writers do nothing for it: every statement that writes history is seen, whoever runs
 * it, and only once it has committed, as a reader cannot see rows of a transaction still open or rolled back.
 *
 * <p>Not {@code LISTEN/NOTIFY}: a transaction that notifies takes one lock for the whole database at its commit
 * and holds it through the commit's log flush, so every order change's commit queued behind every other's. At 500
 * creations a second the service's connections were seen waiting on that lock ({@code Lock:object}) rather than
 * working (docs/performance.md, "Webhook latency"); and a transaction pooler cannot carry {@code LISTEN} at all.
 *
 * <p>Ids are drawn when rows are written, not when they commit, so a row can become visible after a larger id was
 * already seen. The ids skipped between two looks are therefore looked for again ({@link #gaps}) for
 * {@value #GAP_SECONDS} seconds, after which they are taken for rolled back. If a look fails, every waiter is woken
 * and the next look comes after a second. Signals stay hints: readers read again every second anyway
 * ({@code EventService}), so nothing is lost, only later.
 */
public final class PgEventSignals implements OrderEventSignals, AutoCloseable {

    /**
     * The first {@code :limit} history rows after {@code :after}, and those among the ids skipped earlier that have
     * appeared since: two primary-key range scans, the first in index order stopping after {@code :limit} rows. An
     * {@code ORDER BY} over the union instead is planned, generically, as a parallel sort of a third of the table.
     */
    static final String NEWER = """
            (SELECT id, user_id FROM order_status_history WHERE id > :after ORDER BY id LIMIT :limit)
            UNION ALL
            (SELECT id, user_id FROM order_status_history WHERE id = ANY(CAST(:skipped AS bigint[])) AND id <= :after)
            """;

    static final String NEWEST = "SELECT COALESCE(max(id), 0) FROM order_status_history";

    private static final Logger LOG = LoggerFactory.getLogger(PgEventSignals.class);
    static final int POLL_MILLIS = 100;
    private static final int ROWS_PER_LOOK = 10_000;
    static final int GAP_SECONDS = 5;
    /** At most this many skipped ids are remembered; beyond it the oldest are dropped (their readers re-read). */
    private static final int MAX_GAPS = 10_000;

    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);

    private final HikariDataSource pool;
    /** The latches of the waiting readers by owner; each set is read and changed only inside a compute. */
    private final Map<Long, Set<CountDownLatch>> waiting = new ConcurrentHashMap<>();
    /** The latches of those waiting for anyone's events (the delivery worker). */
    private final Set<CountDownLatch> waitingForAny = ConcurrentHashMap.newKeySet();

    private final Thread looker;
    private final CountDownLatch firstLook = new CountDownLatch(1);
    /** Ids skipped between looks, with when they were first missed (nanoTime); read by the looking thread only. */
    private final NavigableMap<Long, Long> gaps = new TreeMap<>();

    private volatile boolean closed;

    private PgEventSignals(HikariDataSource pool) {
        this.pool = pool;
        this.looker = Thread.ofPlatform().name("order-events-signals").daemon().unstarted(this::keepLooking);
    }

    /**
     * Starts looking, on a pool of one connection of its own on {@code database}; returns once the first look has
     * begun (or after 5 seconds, when the database does not answer: it keeps trying).
     */
    public static PgEventSignals start(Database database) {
        PgEventSignals signals = new PgEventSignals(database.dedicatedPool("events", 1));
        signals.looker.start();
        try {
            if (!signals.firstLook.await(5, TimeUnit.SECONDS)) {
                LOG.warn("The order event signals have not read the history yet; waiting reads fall back to polling");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return signals;
    }

    @Override
    public void awaitNew(UserId ownerId, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(ownerId, "ownerId");
        CountDownLatch latch = new CountDownLatch(1);
        waiting.compute(ownerId.value(), (owner, latches) -> {
            Set<CountDownLatch> set = latches == null ? new HashSet<>() : latches;
            set.add(latch);
            return set;
        });
        try {
            latch.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } finally {
            waiting.computeIfPresent(ownerId.value(), (owner, latches) -> {
                latches.remove(latch);
                return latches.isEmpty() ? null : latches;
            });
        }
    }

    @Override
    public void awaitAny(Duration timeout) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        waitingForAny.add(latch);
        try {
            latch.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } finally {
            waitingForAny.remove(latch);
        }
    }

    /** How many readers wait on this instance, for tests. */
    int waiters() {
        return waiting.values().stream().mapToInt(Set::size).sum();
    }

    private void keepLooking() {
        Jdbi jdbi = Database.jdbi(pool);
        long after = -1;
        while (!closed) {
            try (Handle handle = jdbi.open()) {
                if (after < 0) {
                    after = handle.createQuery(NEWEST).mapTo(Long.class).one();
                }
                firstLook.countDown();
                // whatever committed while no one looked: let the waiters read again
                wakeAll();
                while (!closed) {
                    after = look(handle, after);
                    pause(Duration.ofMillis(POLL_MILLIS));
                }
            } catch (RuntimeException failure) {
                if (closed) {
                    return;
                }
                LOG.warn("The order event signals could not read the history ({}); retrying", failure.getMessage());
                wakeAll();
                pause(RETRY_DELAY);
            }
        }
    }

    /** One look at the history after {@code after}; returns the largest id seen. */
    private long look(Handle handle, long after) {
        List<long[]> rows = handle.createQuery(NEWER)
                .bind("after", after)
                .bind(
                        "skipped",
                        gaps.keySet().stream().mapToLong(Long::longValue).toArray())
                .bind("limit", ROWS_PER_LOOK)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        long newest = after;
        long now = System.nanoTime();
        Set<Long> owners = new HashSet<>();
        for (long[] row : rows) {
            long id = row[0];
            owners.add(row[1]);
            if (id > newest) {
                for (long skipped = Math.max(newest + 1, id - MAX_GAPS); skipped < id; skipped++) {
                    gaps.put(skipped, now);
                }
                newest = id;
            } else {
                gaps.remove(id);
            }
        }
        long expired = now - TimeUnit.SECONDS.toNanos(GAP_SECONDS);
        gaps.values().removeIf(since -> since < expired);
        while (gaps.size() > MAX_GAPS) {
            gaps.pollFirstEntry();
        }
        if (!owners.isEmpty()) {
            waitingForAny.forEach(CountDownLatch::countDown);
            owners.forEach(this::wake);
        }
        return newest;
    }

    private void wake(long owner) {
        waiting.computeIfPresent(owner, (key, latches) -> {
            latches.forEach(CountDownLatch::countDown);
            return latches;
        });
    }

    private void wakeAll() {
        waitingForAny.forEach(CountDownLatch::countDown);
        Map<Long, Set<CountDownLatch>> snapshot = new HashMap<>(waiting);
        snapshot.keySet().forEach(this::wake);
    }

    private void pause(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** Stops looking and wakes every waiting reader. */
    @Override
    public void close() {
        closed = true;
        try {
            // the looking thread sees closed within one pause between looks, or one retry delay
            looker.join(Duration.ofSeconds(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        wakeAll();
        pool.close();
    }
}
