package com.acme.orders.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.adapter.persistence.testing.TestDatabase;
import com.acme.orders.application.testing.Users;
import com.acme.orders.domain.order.Amount;
import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.order.ProductName;
import com.acme.orders.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PgEventSignalsTest {

    private static Database database;
    private static Database otherInstance;
    private static PgEventSignals signals;
    /** A thread per reader: the common pool may have one thread only. */
    private static final ExecutorService READERS = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeAll
    static void connect() {
        var settings = TestDatabase.fresh();
        database = Database.connect(settings);
        // the writes come through a pool of their own, as another instance's would
        otherInstance = Database.connect(settings);
        signals = PgEventSignals.start(database);
    }

    @AfterAll
    static void close() {
        READERS.shutdownNow();
        signals.close();
        otherInstance.close();
        database.close();
    }

    private static UserId newOwner() {
        return Users.stored(database.users(), "signals-" + UUID.randomUUID() + "@example.com")
                .id();
    }

    private static void place(UserId owner) {
        otherInstance
                .orders()
                .add(Order.place(
                        otherInstance.orders().nextId(),
                        owner,
                        new ProductName("Laptop"),
                        Amount.of("1.00"),
                        Instant.now()));
    }

    /** How long {@code owner}'s reader waits, at most {@code timeout}, while {@code meanwhile} runs. */
    private static Duration waitOf(UserId owner, Duration timeout, Runnable meanwhile) throws Exception {
        long started = System.nanoTime();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(
                () -> {
                    try {
                        signals.awaitNew(owner, timeout);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                READERS);
        awaitWaiters(1);
        meanwhile.run();
        waiting.get(timeout.toSeconds() + 5, TimeUnit.SECONDS);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static void awaitWaiters(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (signals.waiters() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(signals.waiters()).isEqualTo(count);
    }

    @Test
    void a_commit_on_another_connection_wakes_the_owner_s_reader_at_once() throws Exception {
        UserId owner = newOwner();

        Duration waited = waitOf(owner, Duration.ofSeconds(10), () -> place(owner));

        assertThat(waited).isLessThan(Duration.ofSeconds(2));
        assertThat(signals.waiters()).isZero();
    }

    @Test
    void another_owner_s_commit_does_not_wake_the_reader() throws Exception {
        UserId owner = newOwner();
        UserId someoneElse = newOwner();

        Duration waited = waitOf(owner, Duration.ofMillis(1500), () -> place(someoneElse));

        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void a_change_that_rolls_back_wakes_no_one() throws Exception {
        UserId owner = newOwner();

        Duration waited = waitOf(
                owner,
                Duration.ofMillis(1500),
                () -> assertThatThrownBy(() -> otherInstance.transactions().inTransaction(() -> {
                            place(owner);
                            throw new IllegalStateException("rolled back");
                        }))
                        .isInstanceOf(IllegalStateException.class));

        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void a_change_that_commits_after_a_later_numbered_one_was_seen_still_wakes_its_owner_s_reader() throws Exception {
        UserId late = newOwner();
        UserId early = newOwner();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        // the late owner's change takes its history id first and commits last
        CompletableFuture<Void> open = CompletableFuture.runAsync(
                () -> otherInstance.transactions().inTransaction(() -> {
                    place(late);
                    written.countDown();
                    try {
                        commit.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }),
                READERS);
        assertThat(written.await(5, TimeUnit.SECONDS)).isTrue();
        place(early);
        // a look sees the early owner's larger id before the late one's commit
        Thread.sleep(3L * PgEventSignals.POLL_MILLIS);

        Duration waited = waitOf(late, Duration.ofSeconds(10), () -> {
            commit.countDown();
            open.join();
        });

        assertThat(waited).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void several_readers_of_one_owner_all_wake() throws Exception {
        UserId owner = newOwner();
        long started = System.nanoTime();
        CompletableFuture<?>[] readers = new CompletableFuture<?>[3];
        for (int i = 0; i < readers.length; i++) {
            readers[i] = CompletableFuture.runAsync(
                    () -> {
                        try {
                            signals.awaitNew(owner, Duration.ofSeconds(10));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    READERS);
        }
        awaitWaiters(3);

        place(owner);

        CompletableFuture.allOf(readers).get(5, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }
}
