package com.acme.orders.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.acme.orders.application.port.PageCursor;
import com.acme.orders.application.testing.Users;
import com.acme.orders.domain.order.Actor;
import com.acme.orders.domain.order.Amount;
import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.order.OrderId;
import com.acme.orders.domain.order.OrderStatus;
import com.acme.orders.domain.order.ProductName;
import com.acme.orders.domain.order.StatusChange;
import com.acme.orders.domain.user.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
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
        return Users.stored(users(), "owner-" + UUID.randomUUID() + "@example.com")
                .id();
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

        assertThat(cancelled).contains(order.apply(StatusChange.cancellation(at)));
        assertThat(orders().findById(order.id())).contains(order.apply(StatusChange.cancellation(at)));
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
        OrderRepository.Slice second = orders().findPage(
                        owner,
                        Optional.of(OrderStatus.PENDING),
                        Optional.of(PageCursor.after(first.orders().getLast())),
                        2);

        assertThat(first.orders()).containsExactly(pending.get(2), pending.get(1));
        assertThat(second.orders()).containsExactly(pending.get(0));
        assertThat(second.total()).isEqualTo(3);
    }

    @Test
    void a_change_is_not_applied_to_someone_elses_order() {
        Order order = place(owner, "10", T0);
        UserId stranger = newOwner();

        assertThat(orders().applyIfCurrent(order.id(), stranger, StatusChange.cancellation(T0)))
                .isEmpty();
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
                }))
                .isInstanceOf(IllegalStateException.class);

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

        assertThat(orders().history(order.id()))
                .extracting(StatusChange::actor)
                .containsExactly(Actor.USER, Actor.USER);
    }

    // The batch steps below work on every owner's orders, while the real database is shared by all the tests of a
    // class. So each of these tests places the orders a batch may take in a year of its own, long before T0, with its
    // cutoffs inside that year, and leaves nothing behind that another test's cutoff would reach: it takes the orders
    // it places, or leaves them in a final state, and it moves them at LATER, after every cutoff used here. The other
    // tests' orders (T0 and after) are younger than every cutoff, and the applyToEach tests work on orders at T0.

    /** When the job moves orders in these tests: after every cutoff they use, so a moved order is never taken again. */
    private static final Instant LATER = Instant.parse("2025-06-01T00:00:00Z");

    @Test
    void applyToOldest_takes_the_oldest_changes_first_the_id_breaking_ties_at_most_limit_per_call() {
        Instant year = Instant.parse("2001-01-01T00:00:00Z");
        OrderId tiedLow = orders().nextId();
        OrderId tiedHigh = orders().nextId();
        // stored newest first, so that neither insertion order nor id order alone gives the expected order
        Order last = place(owner, "5", year.plusSeconds(4));
        orders().add(Order.place(tiedHigh, owner, new ProductName("Laptop"), Amount.of("4"), year.plusSeconds(3)));
        orders().add(Order.place(tiedLow, owner, new ProductName("Laptop"), Amount.of("3"), year.plusSeconds(3)));
        Order someoneElses = place(newOwner(), "2", year.plusSeconds(2));
        Order first = place(owner, "1", year.plusSeconds(1));
        Instant cutoff = year.plusSeconds(60);
        StatusChange start = StatusChange.processingStart(LATER);

        List<OrderId> firstBatch = orders().applyToOldest(start, cutoff, 3);
        List<OrderId> secondBatch = orders().applyToOldest(start, cutoff, 3);
        List<OrderId> thirdBatch = orders().applyToOldest(start, cutoff, 3);

        assertThat(firstBatch).containsExactlyInAnyOrder(first.id(), someoneElses.id(), tiedLow);
        assertThat(secondBatch).containsExactlyInAnyOrder(tiedHigh, last.id());
        assertThat(thirdBatch).isEmpty();
    }

    @Test
    void applyToOldest_moves_each_order_it_takes_and_records_the_change_by_the_system() {
        Instant placedAt = Instant.parse("2002-01-01T00:00:00Z");
        Order order = place(owner, "10", placedAt);

        List<OrderId> taken = orders().applyToOldest(StatusChange.processingStart(LATER), placedAt.plusSeconds(1), 10);

        assertThat(taken).containsExactly(order.id());
        assertThat(orders().findById(order.id())).contains(order.apply(StatusChange.processingStart(LATER)));
        assertThat(orders().history(order.id()))
                .containsExactly(StatusChange.placement(placedAt), StatusChange.processingStart(LATER));
        assertThat(orders().history(order.id()).getLast().actor()).isEqualTo(Actor.SYSTEM);
    }

    @Test
    void applyToOldest_takes_an_order_changed_at_the_cutoff_but_not_one_changed_a_microsecond_later() {
        Instant cutoff = Instant.parse("2003-01-01T00:00:00Z");
        Order atCutoff = place(owner, "1", cutoff);
        Order justAfter = place(owner, "2", cutoff.plus(1, ChronoUnit.MICROS));
        StatusChange start = StatusChange.processingStart(LATER);

        assertThat(orders().applyToOldest(start, cutoff, 10)).containsExactly(atCutoff.id());
        assertThat(orders().findById(justAfter.id())).contains(justAfter);
        assertThat(orders().history(justAfter.id())).hasSize(1);

        assertThat(orders().applyToOldest(start, justAfter.updatedAt(), 10)).containsExactly(justAfter.id());
    }

    @Test
    void applyToOldest_leaves_orders_in_other_states_alone_however_old() {
        Instant year = Instant.parse("2004-01-01T00:00:00Z");
        Order cancelled = place(owner, "1", year);
        orders().applyIfCurrent(cancelled.id(), owner, StatusChange.cancellation(year.plusSeconds(1)));
        Order completed = place(owner, "2", year);
        orders().applyIfCurrent(completed.id(), owner, StatusChange.processingStart(year.plusSeconds(1)));
        orders().applyIfCurrent(completed.id(), owner, StatusChange.completion(year.plusSeconds(2)));
        Order pending = place(owner, "3", year.plusSeconds(3));

        List<OrderId> taken = orders().applyToOldest(StatusChange.processingStart(LATER), year.plusSeconds(60), 10);

        assertThat(taken).containsExactly(pending.id());
        assertThat(orders().findById(cancelled.id()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(orders().history(cancelled.id())).hasSize(2);
        assertThat(orders().findById(completed.id()).orElseThrow().status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(orders().history(completed.id())).hasSize(3);
    }

    @Test
    void applyToOldest_with_a_completion_takes_orders_in_processing_and_leaves_pending_ones_alone() {
        // The only test that completes through applyToOldest; its year is the latest, so the pending order it leaves
        // behind is younger than every other test's cutoff.
        Instant year = Instant.parse("2019-01-01T00:00:00Z");
        Order pending = place(owner, "1", year);
        Order processing = place(owner, "2", year);
        orders().applyIfCurrent(processing.id(), owner, StatusChange.processingStart(year.plusSeconds(1)));

        List<OrderId> taken = orders().applyToOldest(StatusChange.completion(LATER), year.plusSeconds(60), 10);

        assertThat(taken).containsExactly(processing.id());
        assertThat(orders().findById(processing.id()).orElseThrow().status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(orders().history(processing.id()).getLast()).isEqualTo(StatusChange.completion(LATER));
        assertThat(orders().findById(pending.id())).contains(pending);
        assertThat(orders().history(pending.id())).hasSize(1);
    }

    @Test
    void concurrent_applyToOldest_callers_never_take_the_same_order_twice() throws Exception {
        Instant year = Instant.parse("2005-01-01T00:00:00Z");
        Set<OrderId> placed = new HashSet<>();
        for (int i = 0; i < 400; i++) {
            placed.add(place(owner, "1", year.plusSeconds(i / 4)).id()); // four orders per instant: ties too
        }
        Instant cutoff = year.plusSeconds(3600);
        int callers = 4;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<OrderId>>> results = new ArrayList<>();
        List<OrderId> taken = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return takeUntilEmpty(StatusChange.processingStart(LATER), cutoff, 7);
                }));
            }
            start.countDown();
            for (Future<List<OrderId>> result : results) {
                taken.addAll(result.get(60, TimeUnit.SECONDS));
            }
        }

        assertThat(taken).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(placed);
        for (OrderId id : placed) {
            assertThat(orders().history(id))
                    .extracting(StatusChange::from, StatusChange::to)
                    .containsExactly(
                            tuple(null, OrderStatus.PENDING), tuple(OrderStatus.PENDING, OrderStatus.PROCESSING));
        }
    }

    @Test
    void a_cancel_racing_with_applyToOldest_either_wins_the_order_or_finds_it_taken() throws Exception {
        Instant year = Instant.parse("2006-01-01T00:00:00Z");
        List<Order> placed = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            placed.add(place(owner, "1", year.plusSeconds(i)));
        }
        Instant cutoff = year.plusSeconds(3600);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<OrderId>>> jobs = new ArrayList<>();
        List<Future<List<OrderId>>> cancellers = new ArrayList<>();
        List<OrderId> taken = new ArrayList<>();
        List<OrderId> cancelled = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 2; i++) {
                jobs.add(pool.submit(() -> {
                    start.await();
                    return takeUntilEmpty(StatusChange.processingStart(LATER), cutoff, 5);
                }));
                int parity = i;
                cancellers.add(pool.submit(() -> {
                    start.await();
                    List<OrderId> won = new ArrayList<>();
                    // newest first, against the job's oldest first, so that the two meet somewhere in between
                    for (int k = placed.size() - 1 - parity; k >= 0; k -= 2) {
                        OrderId id = placed.get(k).id();
                        if (orders().applyIfCurrent(id, owner, StatusChange.cancellation(LATER))
                                .isPresent()) {
                            won.add(id);
                        }
                    }
                    return won;
                }));
            }
            start.countDown();
            for (Future<List<OrderId>> job : jobs) {
                taken.addAll(job.get(60, TimeUnit.SECONDS));
            }
            for (Future<List<OrderId>> canceller : cancellers) {
                cancelled.addAll(canceller.get(60, TimeUnit.SECONDS));
            }
        }

        Set<OrderId> takenAndCancelled = new HashSet<>(taken);
        takenAndCancelled.retainAll(cancelled);
        assertThat(taken).doesNotHaveDuplicates();
        assertThat(takenAndCancelled).isEmpty();
        assertThat(placed)
                .extracting(Order::id)
                .containsExactlyInAnyOrderElementsOf(
                        Stream.concat(taken.stream(), cancelled.stream()).toList());
        for (Order order : placed) {
            StatusChange winner = cancelled.contains(order.id())
                    ? StatusChange.cancellation(LATER)
                    : StatusChange.processingStart(LATER);
            assertThat(orders().findById(order.id()).orElseThrow().status()).isEqualTo(winner.to());
            assertThat(orders().history(order.id())).containsExactly(StatusChange.placement(order.createdAt()), winner);
        }
    }

    @Test
    void totals_stay_exact_under_concurrent_creates_cancels_and_processing_runs() throws Exception {
        Instant year = Instant.parse("2007-01-01T00:00:00Z");
        List<UserId> owners = List.of(newOwner(), newOwner(), newOwner());
        List<Order> placed = new CopyOnWriteArrayList<>();
        AtomicBoolean placing = new AtomicBoolean(true);
        int creators = 3;
        int perCreator = 60;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(creators + 4)) {
            List<Future<?>> creations = new ArrayList<>();
            for (int c = 0; c < creators; c++) {
                int creator = c;
                creations.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perCreator; i++) {
                        UserId ownerId = owners.get((creator + i) % owners.size());
                        placed.add(place(ownerId, "1", year.plusMillis(creator * 1000L + i)));
                    }
                    return null;
                }));
            }
            for (int k = 0; k < 2; k++) {
                // cancels of random placed orders, most of which are pending or already taken by the job
                work.add(pool.submit(() -> {
                    start.await();
                    while (placing.get() || placed.isEmpty()) {
                        if (!placed.isEmpty()) {
                            Order order = placed.get(ThreadLocalRandom.current().nextInt(placed.size()));
                            orders().applyIfCurrent(order.id(), order.ownerId(), StatusChange.cancellation(LATER));
                        }
                    }
                    return null;
                }));
                // processing runs: take a batch of every owner's oldest, complete every other batch
                work.add(pool.submit(() -> {
                    start.await();
                    boolean complete = false;
                    List<OrderId> batch = List.of();
                    while (placing.get() || !batch.isEmpty()) {
                        batch = orders().applyToOldest(StatusChange.processingStart(LATER), year.plusSeconds(3600), 7);
                        if (complete) {
                            orders().applyToEach(batch, StatusChange.completion(LATER));
                        }
                        complete = !complete;
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> creation : creations) {
                creation.get(60, TimeUnit.SECONDS);
            }
            placing.set(false);
            for (Future<?> each : work) {
                each.get(60, TimeUnit.SECONDS);
            }
        }

        assertThat(placed).hasSize(creators * perCreator);
        for (UserId ownerId : owners) {
            long all = countByWalking(ownerId, Optional.empty());
            long inSomeStatus = 0;
            for (OrderStatus status : OrderStatus.values()) {
                inSomeStatus += countByWalking(ownerId, Optional.of(status));
            }
            assertThat(all)
                    .isEqualTo(inSomeStatus)
                    .isEqualTo(placed.stream()
                            .filter(order -> order.isOwnedBy(ownerId))
                            .count());
        }
    }

    /** The owner's orders in the status, counted page by page; every page's total must be that count. */
    private long countByWalking(UserId ownerId, Optional<OrderStatus> status) {
        List<Long> totals = new ArrayList<>();
        long walked = 0;
        Optional<PageCursor> after = Optional.empty();
        OrderRepository.Slice slice;
        do {
            slice = orders().findPage(ownerId, status, after, 25);
            totals.add(slice.total());
            walked += slice.orders().size();
            after = slice.orders().isEmpty()
                    ? after
                    : Optional.of(PageCursor.after(slice.orders().getLast()));
        } while (slice.orders().size() == 25);
        long count = walked;
        assertThat(totals).as("totals of %s in %s", ownerId, status).allMatch(total -> total == count);
        return count;
    }

    /** One caller of the job's loop: batches until one comes back empty. */
    private List<OrderId> takeUntilEmpty(StatusChange change, Instant cutoff, int limit) {
        List<OrderId> taken = new ArrayList<>();
        List<OrderId> batch;
        do {
            batch = orders().applyToOldest(change, cutoff, limit);
            taken.addAll(batch);
        } while (!batch.isEmpty());
        return taken;
    }

    @Test
    void applyToEach_moves_only_the_listed_orders_still_in_the_from_state_and_counts_them() {
        Order first = place(owner, "1", T0);
        Order cancelledMeanwhile = place(owner, "2", T0);
        Order second = place(owner, "3", T0);
        Order notListed = place(owner, "4", T0);
        orders().applyIfCurrent(cancelledMeanwhile.id(), owner, StatusChange.cancellation(T0.plusSeconds(1)));
        StatusChange start = StatusChange.processingStart(T0.plusSeconds(2));

        int moved = orders().applyToEach(List.of(first.id(), cancelledMeanwhile.id(), second.id()), start);

        assertThat(moved).isEqualTo(2);
        assertThat(orders().findById(first.id())).contains(first.apply(start));
        assertThat(orders().findById(second.id())).contains(second.apply(start));
        assertThat(orders().history(first.id())).containsExactly(StatusChange.placement(T0), start);
        assertThat(orders().findById(cancelledMeanwhile.id()).orElseThrow().status())
                .isEqualTo(OrderStatus.CANCELLED);
        assertThat(orders().history(cancelledMeanwhile.id()))
                .containsExactly(StatusChange.placement(T0), StatusChange.cancellation(T0.plusSeconds(1)));
        assertThat(orders().findById(notListed.id())).contains(notListed);
    }

    @Test
    void applyToEach_with_a_completion_leaves_a_listed_order_that_is_not_in_processing_alone() {
        Order processing = place(owner, "1", T0);
        orders().applyIfCurrent(processing.id(), owner, StatusChange.processingStart(T0.plusSeconds(1)));
        Order pending = place(owner, "2", T0);
        StatusChange completion = StatusChange.completion(T0.plusSeconds(2));

        int moved = orders().applyToEach(List.of(processing.id(), pending.id()), completion);

        assertThat(moved).isEqualTo(1);
        assertThat(orders().history(processing.id()))
                .containsExactly(
                        StatusChange.placement(T0), StatusChange.processingStart(T0.plusSeconds(1)), completion);
        assertThat(orders().history(processing.id()).getLast().actor()).isEqualTo(Actor.SYSTEM);
        assertThat(orders().findById(pending.id())).contains(pending);
    }

    @Test
    void applyToEach_counts_an_order_listed_twice_once_and_ignores_unknown_ids() {
        Order order = place(owner, "1", T0);

        int moved = orders().applyToEach(
                        List.of(order.id(), order.id(), new OrderId(Long.MAX_VALUE)),
                        StatusChange.processingStart(T0.plusSeconds(1)));

        assertThat(moved).isEqualTo(1);
        assertThat(orders().history(order.id())).hasSize(2);
    }

    @Test
    void applyToEach_of_no_ids_moves_nothing() {
        assertThat(orders().applyToEach(List.of(), StatusChange.processingStart(T0)))
                .isZero();
    }

    @Test
    void the_batch_steps_refuse_a_placement_which_has_no_state_to_move_from() {
        assertThatThrownBy(() -> orders().applyToOldest(StatusChange.placement(T0), T0, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> orders().applyToEach(List.of(new OrderId(1)), StatusChange.placement(T0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
