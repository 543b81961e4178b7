package com.acme.orders.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.port.in.order.CancelOrderCommand;
import com.acme.orders.application.port.in.processing.ProcessingSummary;
import com.acme.orders.application.testing.InMemoryStore;
import com.acme.orders.application.testing.MutableClock;
import com.acme.orders.application.testing.Orders;
import com.acme.orders.application.testing.Users;
import com.acme.orders.domain.order.Actor;
import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.order.OrderStatus;
import com.acme.orders.domain.order.StatusChange;
import com.acme.orders.domain.user.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderProcessingServiceTest {

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = MutableClock.atDefaultStart();
    private final OrderService orders = new OrderService(store.orders(), store.transactions(), clock);
    private UserId owner;

    @BeforeEach
    void registerOwner() {
        owner = Users.stored(store.users(), Users.ALICE_EMAIL).id();
    }

    private OrderProcessingService processing(Duration grace, Duration lease, int batchSize) {
        return new OrderProcessingService(store.orders(), new ProcessingSettings(grace, lease, batchSize), clock);
    }

    private List<Order> place(int count) {
        List<Order> placed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            placed.add(orders.place(Orders.laptopFor(owner)));
            clock.advance(Duration.ofMillis(1));
        }
        return placed;
    }

    private OrderStatus statusOf(Order order) {
        return store.orders().findById(order.id()).orElseThrow().status();
    }

    @Test
    void every_pending_order_is_completed_in_batches_with_two_system_history_entries() {
        List<Order> placed = place(23);
        clock.advance(Duration.ofSeconds(1));

        ProcessingSummary summary =
                processing(Duration.ZERO, Duration.ofMinutes(10), 5).processPendingOrders();

        assertThat(summary.found()).isEqualTo(23);
        assertThat(summary.completed()).isEqualTo(23);
        assertThat(summary.resumed()).isZero();
        for (Order order : placed) {
            assertThat(statusOf(order)).isEqualTo(OrderStatus.COMPLETED);
            List<StatusChange> history = store.orders().history(order.id());
            assertThat(history)
                    .extracting(StatusChange::to)
                    .containsExactly(OrderStatus.PENDING, OrderStatus.PROCESSING, OrderStatus.COMPLETED);
            assertThat(history.subList(1, 3)).extracting(StatusChange::actor).containsOnly(Actor.SYSTEM);
        }
    }

    @Test
    void orders_younger_than_the_grace_period_stay_pending() {
        List<Order> old = place(3);
        clock.advance(Duration.ofSeconds(60));
        List<Order> young = place(2);
        clock.advance(Duration.ofSeconds(10));

        ProcessingSummary summary =
                processing(Duration.ofSeconds(30), Duration.ofMinutes(10), 500).processPendingOrders();

        assertThat(summary.found()).isEqualTo(3);
        old.forEach(order -> assertThat(statusOf(order)).isEqualTo(OrderStatus.COMPLETED));
        young.forEach(order -> assertThat(statusOf(order)).isEqualTo(OrderStatus.PENDING));
    }

    @Test
    void cancelled_orders_are_left_alone() {
        List<Order> placed = place(2);
        orders.cancel(new CancelOrderCommand(owner, placed.get(0).id()));
        clock.advance(Duration.ofSeconds(1));

        ProcessingSummary summary =
                processing(Duration.ZERO, Duration.ofMinutes(10), 500).processPendingOrders();

        assertThat(summary.found()).isEqualTo(1);
        assertThat(statusOf(placed.get(0))).isEqualTo(OrderStatus.CANCELLED);
        assertThat(store.orders().history(placed.get(0).id())).hasSize(2);
        assertThat(statusOf(placed.get(1))).isEqualTo(OrderStatus.COMPLETED);
    }

    @Test
    void orders_a_crashed_run_left_in_processing_past_the_lease_are_completed_younger_ones_are_not() {
        List<Order> placed = place(4);
        // A run that died between its two commits: taken into processing, never completed.
        store.orders().applyToOldest(StatusChange.processingStart(clock.instant()), clock.instant(), 2);
        clock.advance(Duration.ofMinutes(11));
        store.orders().applyToOldest(StatusChange.processingStart(clock.instant()), clock.instant(), 2);
        clock.advance(Duration.ofMinutes(1));

        ProcessingSummary summary =
                processing(Duration.ZERO, Duration.ofMinutes(10), 500).processPendingOrders();

        assertThat(summary.resumed()).isEqualTo(2);
        assertThat(summary.found()).isZero();
        assertThat(statusOf(placed.get(0))).isEqualTo(OrderStatus.COMPLETED);
        assertThat(statusOf(placed.get(1))).isEqualTo(OrderStatus.COMPLETED);
        assertThat(statusOf(placed.get(2))).isEqualTo(OrderStatus.PROCESSING);
        assertThat(statusOf(placed.get(3))).isEqualTo(OrderStatus.PROCESSING);
        assertThat(store.orders().history(placed.get(0).id()))
                .extracting(StatusChange::to)
                .containsExactly(OrderStatus.PENDING, OrderStatus.PROCESSING, OrderStatus.COMPLETED);
    }

    @Test
    void a_run_with_nothing_to_do_says_so() {
        ProcessingSummary summary =
                processing(Duration.ZERO, Duration.ofMinutes(10), 500).processPendingOrders();

        assertThat(summary.didNothing()).isTrue();
        assertThat(summary.took().isNegative()).isFalse();
    }
}
