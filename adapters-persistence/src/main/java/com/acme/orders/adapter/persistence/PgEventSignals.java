package com.acme.orders.adapter.persistence;

import com.acme.orders.application.port.out.OrderEventSignals;
import com.acme.orders.domain.user.UserId;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event signals from PostgreSQL's {@code LISTEN/NOTIFY}: one connection of its own per instance listens on
 * {@code order_events} (V13 notifies there at each commit that wrote events, with the owner's id), and wakes the
 * readers of that owner waiting on this instance. A waiting reader holds a latch, not a connection. If the listening
 * connection breaks, every waiter is woken and the listener reconnects after a second; meanwhile readers still read
 * again every second ({@code EventService}), so nothing is lost, only later.
 */
public final class PgEventSignals implements OrderEventSignals, AutoCloseable {

    static final String CHANNEL = "order_events";
    private static final Logger LOG = LoggerFactory.getLogger(PgEventSignals.class);
    private static final int POLL_MILLIS = 500;
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);

    private final HikariDataSource pool;
    /** The latches of the waiting readers by owner; each set is read and changed only inside a compute. */
    private final Map<Long, Set<CountDownLatch>> waiting = new ConcurrentHashMap<>();
    /** The latches of those waiting for anyone's events (the delivery worker). */
    private final Set<CountDownLatch> waitingForAny = ConcurrentHashMap.newKeySet();

    private final Thread listener;
    private final CountDownLatch listening = new CountDownLatch(1);
    private volatile boolean closed;

    private PgEventSignals(HikariDataSource pool) {
        this.pool = pool;
        this.listener =
                Thread.ofPlatform().name("order-events-listener").daemon().unstarted(this::listen);
    }

    /**
     * Starts listening on a pool of one connection of its own on {@code database}; returns once the listener is
     * subscribed (or after 5 seconds, when the database does not answer: it keeps trying).
     */
    public static PgEventSignals listen(Database database) {
        PgEventSignals signals = new PgEventSignals(database.dedicatedPool("events", 1));
        signals.listener.start();
        try {
            if (!signals.listening.await(5, TimeUnit.SECONDS)) {
                LOG.warn("The order event listener is not subscribed yet; waiting reads fall back to polling");
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

    private void listen() {
        while (!closed) {
            try (Connection connection = pool.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                connection.setAutoCommit(true);
                listening.countDown();
                // whatever committed while no one listened: let the waiters read again
                wakeAll();
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] received = notifications.getNotifications(POLL_MILLIS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            wake(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException failure) {
                if (closed) {
                    return;
                }
                LOG.warn("The order event listener lost its connection ({}); reconnecting", failure.getMessage());
                wakeAll();
                pause();
            }
        }
    }

    private void wake(String owner) {
        waitingForAny.forEach(CountDownLatch::countDown);
        long id;
        try {
            id = Long.parseLong(owner);
        } catch (NumberFormatException e) {
            return;
        }
        waiting.computeIfPresent(id, (key, latches) -> {
            latches.forEach(CountDownLatch::countDown);
            return latches;
        });
    }

    private void wakeAll() {
        waitingForAny.forEach(CountDownLatch::countDown);
        Map<Long, Set<CountDownLatch>> snapshot = new HashMap<>(waiting);
        snapshot.keySet().forEach(owner -> wake(Long.toString(owner)));
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_DELAY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** Stops listening and wakes every waiting reader. */
    @Override
    public void close() {
        closed = true;
        try {
            // the listener sees closed within one poll of the connection, or one reconnect delay
            listener.join(Duration.ofSeconds(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        wakeAll();
        pool.close();
    }
}
