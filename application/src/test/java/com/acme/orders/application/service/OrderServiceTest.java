package com.acme.orders.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import com.acme.orders.application.port.PageCursor;
import com.acme.orders.application.port.in.order.CancelOrderCommand;
import com.acme.orders.application.port.in.order.ListOrdersQuery;
import com.acme.orders.application.port.in.order.OrderNotFoundException;
import com.acme.orders.application.port.in.order.OrderPage;
import com.acme.orders.application.port.in.order.OrderQuery;
import com.acme.orders.application.testing.InMemoryStore;
import com.acme.orders.application.testing.MutableClock;
import com.acme.orders.application.testing.Orders;
import com.acme.orders.application.testing.Users;
import com.acme.orders.domain.order.Actor;
import com.acme.orders.domain.order.Amount;
import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.order.OrderId;
import com.acme.orders.domain.order.OrderNotCancellableException;
import com.acme.orders.domain.order.OrderStatus;
import com.acme.orders.domain.order.ProductName;
import com.acme.orders.domain.order.StatusChange;
import com.acme.orders.domain.shared.InvalidValueException;
import com.acme.orders.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderServiceTest {

    private static final Instant START = Instant.parse("2026-11-24T10:00:00.123456789Z");
    private static final Instant START_IN_MICROS = Instant.parse("2026-11-24T10:00:00.123456Z");

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = MutableClock.at(START);
    private final OrderService service = new OrderService(store.orders(), store.transactions(), clock);
    private final UserId alice =
            Users.stored(store.users(), "alice@example.com").id();
    private final UserId bob = Users.stored(store.users(), "bob@example.com").id();

    private Order placeLaptop(UserId owner) {
        return service.place(Orders.laptopFor(owner));
    }

    /** Places {@code count} orders, one a minute, and returns them newest first. */
    private List<Order> placeOneAMinute(UserId owner, int count) {
        List<Order> placed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            placed.addFirst(service.place(Orders.placement(owner, "Item " + i, "1" + i)));
            clock.advance(Duration.ofMinutes(1));
        }
        return placed;
    }

    private static ListOrdersQuery page(UserId owner, int limit, Optional<PageCursor> after) {
        return new ListOrdersQuery(owner, Optional.empty(), limit, after);
    }

    @Test
    void a_placed_order_is_pending_owned_by_its_placer_and_stamped_by_the_clock() {
        Order order = service.place(Orders.placement(alice, "Laptop", "999.99"));

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.ownerId()).isEqualTo(alice);
        assertThat(order.productName()).isEqualTo(new ProductName("Laptop"));
        assertThat(order.amount()).isEqualTo(Amount.of("999.99"));
        assertThat(order.createdAt()).isEqualTo(START_IN_MICROS);
        assertThat(order.updatedAt()).isEqualTo(START_IN_MICROS);
        assertThat(store.orders().findById(order.id())).contains(order);
    }

    @Test
    void a_placed_order_has_its_placement_in_its_history() {
        Order order = placeLaptop(alice);

        assertThat(service.history(new OrderQuery(alice, order.id())))
                .containsExactly(new StatusChange(null, OrderStatus.PENDING, START_IN_MICROS, Actor.USER));
    }

    @Test
    void an_owner_gets_their_own_order() {
        Order order = placeLaptop(alice);

        assertThat(service.get(new OrderQuery(alice, order.id()))).isEqualTo(order);
    }

    @Test
    void a_missing_order_is_not_found() {
        assertThatThrownBy(() -> service.get(new OrderQuery(alice, new OrderId(424242))))
                .isInstanceOf(OrderNotFoundException.class)
                .hasMessage("order 424242 not found");
    }

    @Test
    void someone_elses_order_is_not_found_exactly_as_a_missing_one() {
        Order bobs = placeLaptop(bob);
        InMemoryStore empty = new InMemoryStore();
        OrderService withNoOrders = new OrderService(empty.orders(), empty.transactions(), clock);

        Throwable foreign = catchThrowable(() -> service.get(new OrderQuery(alice, bobs.id())));
        Throwable missing = catchThrowable(() -> withNoOrders.get(new OrderQuery(alice, bobs.id())));

        assertThat(foreign).isExactlyInstanceOf(OrderNotFoundException.class);
        assertThat(missing).isExactlyInstanceOf(OrderNotFoundException.class);
        assertThat(foreign).hasMessage(missing.getMessage());
    }

    @Test
    void a_list_shows_only_the_callers_orders_newest_first() {
        List<Order> newestFirst = placeOneAMinute(alice, 3);
        placeLaptop(bob);

        OrderPage page = service.list(ListOrdersQuery.firstPage(alice));

        assertThat(page.orders()).containsExactlyElementsOf(newestFirst);
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.next()).isEmpty();
    }

    @Test
    void orders_placed_at_the_same_instant_are_listed_highest_id_first() {
        Order first = placeLaptop(alice);
        Order second = placeLaptop(alice);

        assertThat(service.list(ListOrdersQuery.firstPage(alice)).orders()).containsExactly(second, first);
    }

    @Test
    void a_page_holds_at_most_the_limit_and_says_where_the_next_one_starts() {
        List<Order> newestFirst = placeOneAMinute(alice, 5);

        OrderPage page = service.list(page(alice, 2, Optional.empty()));

        assertThat(page.orders()).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.next()).contains(PageCursor.after(newestFirst.get(1)));
    }

    @Test
    void a_page_that_ends_exactly_with_the_last_order_has_no_next_cursor() {
        placeOneAMinute(alice, 4);

        OrderPage first = service.list(page(alice, 2, Optional.empty()));
        OrderPage second = service.list(page(alice, 2, first.next()));

        assertThat(first.next()).isPresent();
        assertThat(second.orders()).hasSize(2);
        assertThat(second.next()).isEmpty();
    }

    @Test
    void walking_every_page_with_the_cursor_gives_every_order_once_newest_first() {
        List<Order> older = placeOneAMinute(alice, 4);
        Order a = placeLaptop(alice);
        Order b = placeLaptop(alice);
        Order c = placeLaptop(alice); // a, b and c share one instant: the id breaks the tie
        List<Order> newestFirst = new ArrayList<>(List.of(c, b, a));
        newestFirst.addAll(older);

        List<Order> walked = new ArrayList<>();
        Optional<PageCursor> after = Optional.empty();
        int pages = 0;
        do {
            OrderPage page = service.list(page(alice, 2, after));
            assertThat(page.total()).isEqualTo(7);
            walked.addAll(page.orders());
            after = page.next();
            pages++;
        } while (after.isPresent() && pages < 10);

        assertThat(walked).containsExactlyElementsOf(newestFirst);
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void a_status_filter_lists_and_counts_only_matching_orders() {
        List<Order> newestFirst = placeOneAMinute(alice, 3);
        service.cancel(new CancelOrderCommand(alice, newestFirst.get(1).id()));

        OrderPage pending =
                service.list(new ListOrdersQuery(alice, Optional.of(OrderStatus.PENDING), 1, Optional.empty()));
        OrderPage cancelled =
                service.list(new ListOrdersQuery(alice, Optional.of(OrderStatus.CANCELLED), 20, Optional.empty()));
        OrderPage completed =
                service.list(new ListOrdersQuery(alice, Optional.of(OrderStatus.COMPLETED), 20, Optional.empty()));

        assertThat(pending.orders()).containsExactly(newestFirst.get(0));
        assertThat(pending.total()).isEqualTo(2);
        assertThat(pending.next()).isPresent();
        assertThat(cancelled.orders())
                .extracting(Order::id)
                .containsExactly(newestFirst.get(1).id());
        assertThat(cancelled.total()).isEqualTo(1);
        assertThat(completed.orders()).isEmpty();
        assertThat(completed.total()).isZero();
        assertThat(completed.next()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101})
    void a_page_size_outside_one_to_a_hundred_is_refused(int limit) {
        assertThatThrownBy(() -> new ListOrdersQuery(alice, Optional.empty(), limit, Optional.empty()))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void page_sizes_of_one_and_a_hundred_are_accepted() {
        placeOneAMinute(alice, 2);

        assertThat(service.list(page(alice, 1, Optional.empty())).orders()).hasSize(1);
        assertThat(service.list(page(alice, 100, Optional.empty())).orders()).hasSize(2);
    }

    @Test
    void cancel_of_a_pending_order_cancels_it_and_records_the_change_by_the_user() {
        Order order = placeLaptop(alice);
        Instant later = clock.advance(Duration.ofSeconds(30));

        Order cancelled = service.cancel(new CancelOrderCommand(alice, order.id()));

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.updatedAt()).isEqualTo(later.truncatedTo(ChronoUnit.MICROS));
        assertThat(service.get(new OrderQuery(alice, order.id()))).isEqualTo(cancelled);
        assertThat(service.history(new OrderQuery(alice, order.id())))
                .extracting(StatusChange::from, StatusChange::to, StatusChange::actor)
                .containsExactly(
                        tuple(null, OrderStatus.PENDING, Actor.USER),
                        tuple(OrderStatus.PENDING, OrderStatus.CANCELLED, Actor.USER));
    }

    @Test
    void cancel_of_a_cancelled_order_is_refused() {
        Order order = placeLaptop(alice);
        service.cancel(new CancelOrderCommand(alice, order.id()));

        assertThatThrownBy(() -> service.cancel(new CancelOrderCommand(alice, order.id())))
                .isInstanceOf(OrderNotCancellableException.class);
        assertThat(service.history(new OrderQuery(alice, order.id()))).hasSize(2);
    }

    @Test
    void cancel_of_an_order_the_job_took_into_processing_is_refused() {
        Order order = placeLaptop(alice);
        store.orders().applyIfCurrent(order.id(), order.ownerId(), StatusChange.processingStart(clock.instant()));

        assertThatThrownBy(() -> service.cancel(new CancelOrderCommand(alice, order.id())))
                .isInstanceOf(OrderNotCancellableException.class)
                .hasMessageContaining("processing");
        assertThat(service.get(new OrderQuery(alice, order.id())).status()).isEqualTo(OrderStatus.PROCESSING);
        assertThat(service.history(new OrderQuery(alice, order.id())))
                .extracting(StatusChange::actor)
                .containsExactly(Actor.USER, Actor.SYSTEM);
    }

    @Test
    void cancel_of_someone_elses_order_is_not_found_and_leaves_it_unchanged() {
        Order bobs = placeLaptop(bob);

        assertThatThrownBy(() -> service.cancel(new CancelOrderCommand(alice, bobs.id())))
                .isInstanceOf(OrderNotFoundException.class)
                .hasMessage(new OrderNotFoundException(bobs.id()).getMessage());
        assertThat(store.orders().findById(bobs.id())).contains(bobs);
        assertThat(store.orders().history(bobs.id())).hasSize(1);
    }

    @Test
    void cancel_of_a_missing_order_is_not_found() {
        assertThatThrownBy(() -> service.cancel(new CancelOrderCommand(alice, new OrderId(424242))))
                .isInstanceOf(OrderNotFoundException.class);
    }

    @Test
    void the_history_of_someone_elses_order_is_not_found() {
        Order bobs = placeLaptop(bob);

        assertThatThrownBy(() -> service.history(new OrderQuery(alice, bobs.id())))
                .isInstanceOf(OrderNotFoundException.class)
                .hasMessage(new OrderNotFoundException(bobs.id()).getMessage());
    }

    @Test
    void the_history_of_a_missing_order_is_not_found() {
        assertThatThrownBy(() -> service.history(new OrderQuery(alice, new OrderId(424242))))
                .isInstanceOf(OrderNotFoundException.class);
    }
}
