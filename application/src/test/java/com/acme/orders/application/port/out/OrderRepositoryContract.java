package com.acme.orders.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.application.port.in.PageCursor;
import com.acme.orders.domain.order.Actor;
import com.acme.orders.domain.order.Amount;
import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.order.OrderId;
import com.acme.orders.domain.order.OrderStatus;
import com.acme.orders.domain.order.ProductName;
import com.acme.orders.domain.order.StatusChange;
import com.acme.orders.domain.user.Email;
import com.acme.orders.domain.user.PasswordHash;
import com.acme.orders.domain.user.User;
import com.acme.orders.domain.user.UserId;
import com.acme.orders.domain.user.UserName;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OrderRepository} promises. Run against the in-memory fake and against PostgreSQL. Each test
 * works on orders of fresh users, so implementations may share state between tests.
 */
public abstract class OrderRepositoryContract {

    protected abstract OrderRepository orders();

    protected abstract UserRepository users();

    protected abstract TransactionRunner transactions();

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private UserId owner;

    @BeforeEach
    void createOwner() {
        owner = newOwner();
    }

    protected UserId newOwner() {
        User user = new User(users().nextId(), new UserName("Owner"),
                new Email("owner-" + UUID.randomUUID() + "@example.com"),
                new PasswordHash("$2a$04$abcdefghijklmnopqrstuu5hZ0Q6rE6pC9M1mB0QwJ6W8wq9y0nq2"),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        users().add(user);
        return user.id();
    }

    protected Order place(UserId ownerId, String amount, Instant at) {
        Order order = Order.place(orders().nextId(), ownerId, new ProductName("Laptop"), Amount.of(amount), at);
        orders().add(order);
        return order;
    }

    @Test
    void an_added_order_reads_back_equal_with_its_cents() {
        Order order = place(owner, "999.99", T0);

        assertThat(orders().findById(order.id())).contains(order);
        assertThat(orders().findById(order.id()).orElseThrow().amount().value()).isEqualByComparingTo("999.99");
    }

    @Test
    void amounts_at_the_bounds_keep_every_cent() {
        Order smallest = place(owner, "0.01", T0);
        Order largest = place(owner, "1000000000.00", T0.plusSeconds(1));

        assertThat(orders().findById(smallest.id()).orElseThrow().amount()).isEqualTo(Amount.of("0.01"));
        assertThat(orders().findById(largest.id()).orElseThrow().amount()).isEqualTo(Amount.of("1000000000"));
    }

    @Test
    void a_new_order_has_one_history_entry_its_placement() {
        Order order = place(owner, "10", T0);

        assertThat(orders().history(order.id())).containsExactly(StatusChange.placement(T0));
    }

    @Test
    void unknown_orders_are_not_found_and_have_no_history() {
        OrderId unknown = new OrderId(Long.MAX_VALUE);

        assertThat(orders().findById(unknown)).isEmpty();
        assertThat(orders().history(unknown)).isEmpty();
    }

    @Test
    void a_pending_order_is_cancelled_by_its_owner_and_the_change_is_recorded() {
        Order order = place(owner, "10", T0);
        Instant at = T0.plusSeconds(5);

        Optional<Order> cancelled = orders().applyIfCurrent(order.id(), owner, StatusChange.cancellation(at));

        assertThat(cancelled).contains(order.cancel(at));
        assertThat(orders().findById(order.id())).contains(order.cancel(at));
        assertThat(orders().history(order.id()))
                .containsExactly(StatusChange.placement(T0), StatusChange.cancellation(at));
    }

    @Test
    void a_change_is_not_applied_to_a_missing_order() {
        assertThat(orders().applyIfCurrent(new OrderId(Long.MAX_VALUE), owner, StatusChange.cancellation(T0)))
                .isEmpty();
    }

    @Test
    void next_ids_are_never_handed_out_twice() {
        Set<OrderId> ids = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            assertThat(ids.add(orders().nextId())).isTrue();
        }
    }

    @Test
    void a_cursor_and_a_status_filter_combine() {
        List<Order> pending = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Order order = place(owner, "1", T0.plusSeconds(i));
            if (i % 2 == 0) {
                orders().applyIfCurrent(order.id(), owner, StatusChange.cancellation(T0.plusSeconds(10)));
            } else {
                pending.add(order);
            }
        }
        OrderRepository.Slice first = orders().findPage(owner, Optional.of(OrderStatus.PENDING), Optional.empty(), 2);
        OrderRepository.Slice second = orders().findPage(owner, Optional.of(OrderStatus.PENDING),
                Optional.of(PageCursor.after(first.orders().getLast())), 2);

        assertThat(first.orders()).containsExactly(pending.get(2), pending.get(1));
        assertThat(second.orders()).containsExactly(pending.get(0));
        assertThat(second.total()).isEqualTo(3);
    }

    @Test
    void a_change_is_not_applied_to_someone_elses_order() {
        Order order = place(owner, "10", T0);
        UserId stranger = newOwner();

        assertThat(orders().applyIfCurrent(order.id(), stranger, StatusChange.cancellation(T0))).isEmpty();
        assertThat(orders().findById(order.id())).contains(order);
        assertThat(orders().history(order.id())).hasSize(1);
    }

    @Test
    void a_change_is_not_applied_to_an_order_in_another_state() {
        Order order = place(owner, "10", T0);
        orders().applyIfCurrent(order.id(), owner, StatusChange.cancellation(T0.plusSeconds(1)));

        assertThat(orders().applyIfCurrent(order.id(), owner, StatusChange.cancellation(T0.plusSeconds(2))))
                .isEmpty();
        assertThat(orders().applyIfCurrent(order.id(), owner, StatusChange.processingStart(T0.plusSeconds(2))))
                .isEmpty();
        assertThat(orders().history(order.id())).hasSize(2);
    }

    @Test
    void of_many_concurrent_cancels_of_one_order_exactly_one_succeeds() throws Exception {
        Order order = place(owner, "10", T0);
        int racers = 16;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<Order>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                Instant at = T0.plusSeconds(i + 1);
                Callable<Optional<Order>> cancel = () -> {
                    start.await();
                    return orders().applyIfCurrent(order.id(), owner, StatusChange.cancellation(at));
                };
                results.add(pool.submit(cancel));
            }
            start.countDown();
            int successes = 0;
            for (Future<Optional<Order>> result : results) {
                successes += result.get().isPresent() ? 1 : 0;
            }
            assertThat(successes).isEqualTo(1);
        }
        assertThat(orders().findById(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(orders().history(order.id())).hasSize(2);
    }

    @Test
    void paging_walks_every_order_exactly_once_newest_first() {
        List<Order> placed = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // pairs of orders share a timestamp, so the id must break the tie
            placed.add(place(owner, "1." + (i < 10 ? "0" + i : i), T0.plusSeconds(i / 2)));
        }
        List<Order> walked = new ArrayList<>();
        Optional<PageCursor> after = Optional.empty();
        for (int pages = 0; pages < 10; pages++) {
            OrderRepository.Slice slice = orders().findPage(owner, Optional.empty(), after, 5);
            assertThat(slice.total()).isEqualTo(23);
            walked.addAll(slice.orders());
            if (slice.orders().size() < 5) {
                break;
            }
            after = Optional.of(PageCursor.after(slice.orders().getLast()));
        }
        List<Order> newestFirst = new ArrayList<>(placed);
        newestFirst.sort((a, b) -> {
            int byTime = b.createdAt().compareTo(a.createdAt());
            return byTime != 0 ? byTime : Long.compare(b.id().value(), a.id().value());
        });
        assertThat(walked).containsExactlyElementsOf(newestFirst);
        Set<OrderId> ids = new HashSet<>();
        walked.forEach(order -> assertThat(ids.add(order.id())).isTrue());
    }

    @Test
    void a_page_holds_only_the_owners_orders_matching_the_filter() {
        Order pending = place(owner, "1", T0);
        Order cancelled = place(owner, "2", T0.plusSeconds(1));
        orders().applyIfCurrent(cancelled.id(), owner, StatusChange.cancellation(T0.plusSeconds(2)));
        place(newOwner(), "3", T0);

        OrderRepository.Slice all = orders().findPage(owner, Optional.empty(), Optional.empty(), 10);
        OrderRepository.Slice onlyPending =
                orders().findPage(owner, Optional.of(OrderStatus.PENDING), Optional.empty(), 10);
        OrderRepository.Slice onlyCompleted =
                orders().findPage(owner, Optional.of(OrderStatus.COMPLETED), Optional.empty(), 10);

        assertThat(all.orders()).extracting(Order::id).containsExactly(cancelled.id(), pending.id());
        assertThat(all.total()).isEqualTo(2);
        assertThat(onlyPending.orders()).containsExactly(pending);
        assertThat(onlyPending.total()).isEqualTo(1);
        assertThat(onlyCompleted.orders()).isEmpty();
        assertThat(onlyCompleted.total()).isZero();
    }

    @Test
    void work_that_fails_inside_a_transaction_leaves_nothing_behind() {
        OrderId[] id = new OrderId[1];
        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            id[0] = place(owner, "5", T0).id();
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(orders().findById(id[0])).isEmpty();
        assertThat(orders().history(id[0])).isEmpty();
    }

    @Test
    void work_inside_a_transaction_commits_together() {
        Order order = transactions().inTransaction(() -> {
            Order placed = place(owner, "5", T0);
            orders().applyIfCurrent(placed.id(), owner, StatusChange.cancellation(T0.plusSeconds(1)));
            return placed;
        });

        assertThat(orders().history(order.id())).extracting(StatusChange::actor)
                .containsExactly(Actor.USER, Actor.USER);
    }
}
