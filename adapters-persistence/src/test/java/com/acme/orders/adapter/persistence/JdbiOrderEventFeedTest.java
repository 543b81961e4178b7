package com.acme.orders.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.persistence.testing.TestDatabase;
import com.acme.orders.application.port.EventCursor;
import com.acme.orders.application.port.out.OrderEventFeed;
import com.acme.orders.application.port.out.OrderEventFeed.PositionedEvent;
import com.acme.orders.application.port.out.OrderEventFeedContract;
import com.acme.orders.application.port.out.OrderRepository;
import com.acme.orders.application.port.out.TransactionRunner;
import com.acme.orders.application.port.out.UserRepository;
import com.acme.orders.application.testing.Users;
import com.acme.orders.domain.order.Amount;
import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.order.OrderId;
import com.acme.orders.domain.order.ProductName;
import com.acme.orders.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JdbiOrderEventFeedTest extends OrderEventFeedContract {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private static Database database;

    @BeforeAll
    static void connect() {
        database = Database.connect(TestDatabase.fresh());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Override
    protected OrderEventFeed events() {
        return database.events();
    }

    @Override
    protected OrderRepository orders() {
        return database.orders();
    }

    @Override
    protected UserRepository users() {
        return database.users();
    }

    @Override
    protected TransactionRunner transactions() {
        return database.transactions();
    }

    private Order place(UserId owner) {
        Order order = Order.place(orders().nextId(), owner, new ProductName("Laptop"), Amount.of("1.00"), T0);
        orders().add(order);
        return order;
    }

    private List<OrderId> orderIdsAfter(UserId owner, EventCursor cursor) {
        return events().readAfter(owner, Optional.of(cursor), 100).stream()
                .map(entry -> entry.event().order().id())
                .toList();
    }

    /**
     * Two transactions open at once: the one that began writing first commits last. Ordered by id alone, a reader
     * would get the second one's event first, move its cursor past it, and never see the first one's. The first
     * writes for another owner before it writes for this one: two writes of one owner's orders queue on the owner's
     * counts, so the second could not commit while the first holds them.
     */
    @Test
    void an_event_that_commits_after_a_later_one_is_not_skipped_by_a_reader_in_between() throws Exception {
        UserId owner = Users.stored(users(), "gap-" + UUID.randomUUID() + "@example.com")
                .id();
        UserId other = Users.stored(users(), "gap-other-" + UUID.randomUUID() + "@example.com")
                .id();
        place(owner);
        EventCursor seen =
                events().readAfter(owner, Optional.empty(), 100).getLast().position();
        CountDownLatch firstWrote = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Order> first = threads.submit(() -> transactions().inTransaction(() -> {
                place(other);
                firstWrote.countDown();
                await(releaseFirst);
                return place(owner);
            }));
            assertThat(firstWrote.await(10, TimeUnit.SECONDS)).isTrue();
            Order second = threads.submit(() -> transactions().inTransaction(() -> place(owner)))
                    .get(10, TimeUnit.SECONDS);

            List<PositionedEvent> whileFirstIsOpen = events().readAfter(owner, Optional.of(seen), 100);

            releaseFirst.countDown();
            Order firstOrder = first.get(10, TimeUnit.SECONDS);
            assertThat(whileFirstIsOpen)
                    .as("the second commit waits behind the first, still open, transaction")
                    .isEmpty();
            assertThat(orderIdsAfter(owner, seen)).containsExactly(firstOrder.id(), second.id());
        } finally {
            releaseFirst.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void an_open_transaction_s_own_event_is_not_shown_to_a_reader_until_it_commits() throws Exception {
        UserId owner = Users.stored(users(), "open-" + UUID.randomUUID() + "@example.com")
                .id();
        CountDownLatch wrote = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Order> open = thread.submit(() -> transactions().inTransaction(() -> {
                Order order = place(owner);
                wrote.countDown();
                await(release);
                return order;
            }));
            assertThat(wrote.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(events().readAfter(owner, Optional.empty(), 100)).isEmpty();

            release.countDown();
            Order order = open.get(10, TimeUnit.SECONDS);
            assertThat(events().readAfter(owner, Optional.empty(), 100))
                    .extracting(entry -> entry.event().order().id())
                    .containsExactly(order.id());
        } finally {
            release.countDown();
            thread.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
