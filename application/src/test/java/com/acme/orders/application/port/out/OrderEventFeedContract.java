package com.acme.orders.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.acme.orders.application.port.EventCursor;
import com.acme.orders.application.port.out.OrderEventFeed.PositionedEvent;
import com.acme.orders.application.testing.Users;
import com.acme.orders.domain.order.Amount;
import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.order.OrderEvent;
import com.acme.orders.domain.order.OrderEventType;
import com.acme.orders.domain.order.OrderId;
import com.acme.orders.domain.order.ProductName;
import com.acme.orders.domain.order.StatusChange;
import com.acme.orders.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OrderEventFeed} promises, with the {@link OrderRepository} that writes its events: one event per
 * committed status change, by every path that changes a status, none for a change that rolled back. Run against the
 * in-memory fake and against PostgreSQL. Each test works on orders of fresh users.
 */
public abstract class OrderEventFeedContract {

    protected abstract OrderEventFeed events();

    protected abstract OrderRepository orders();

    protected abstract UserRepository users();

    protected abstract TransactionRunner transactions();

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private UserId owner;

    @BeforeEach
    void createOwner() {
        owner = newOwner();
    }

    private UserId newOwner() {
        return Users.stored(users(), "events-" + UUID.randomUUID() + "@example.com")
                .id();
    }

    private Order place(UserId ownerId, Instant at) {
        Order order = Order.place(orders().nextId(), ownerId, new ProductName("Laptop"), Amount.of("999.99"), at);
        orders().add(order);
        return order;
    }

    private List<OrderEvent> all(UserId ownerId) {
        return events().readAfter(ownerId, Optional.empty(), 1000).stream()
                .map(PositionedEvent::event)
                .toList();
    }

    @Test
    void a_placement_is_an_order_created_event_carrying_the_order_as_placed() {
        Order order = place(owner, T0);

        assertThat(all(owner)).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(OrderEventType.CREATED);
            assertThat(event.sequence()).isEqualTo(1);
            assertThat(event.order()).isEqualTo(order);
            assertThat(event.createdAt()).isEqualTo(T0);
        });
    }

    @Test
    void a_cancel_is_an_order_cancelled_event_carrying_the_order_as_the_cancel_returned_it() {
        Order order = place(owner, T0);
        Order cancelled = orders().applyIfCurrent(order.id(), owner, StatusChange.cancellation(T0.plusSeconds(5)))
                .orElseThrow();

        assertThat(all(owner))
                .extracting(OrderEvent::type, OrderEvent::sequence, OrderEvent::order)
                .containsExactly(
                        tuple(OrderEventType.CREATED, 1, order), tuple(OrderEventType.CANCELLED, 2, cancelled));
    }

    @Test
    void the_job_s_two_steps_are_one_event_each_per_order_in_sequence() {
        Order first = place(owner, T0);
        Order second = place(owner, T0.plusSeconds(1));
        StatusChange start = StatusChange.processingStart(T0.plusSeconds(10));
        StatusChange completion = StatusChange.completion(T0.plusSeconds(11));

        List<OrderId> taken = orders().applyToOldest(start, T0.plusSeconds(1), 10);
        orders().applyToEach(taken, completion);

        assertThat(all(owner))
                .filteredOn(event -> event.order().id().equals(first.id()))
                .extracting(OrderEvent::type, OrderEvent::sequence, OrderEvent::order)
                .containsExactly(
                        tuple(OrderEventType.CREATED, 1, first),
                        tuple(OrderEventType.PROCESSING, 2, first.apply(start)),
                        tuple(OrderEventType.COMPLETED, 3, first.apply(start).apply(completion)));
        assertThat(all(owner))
                .filteredOn(event -> event.order().id().equals(second.id()))
                .extracting(OrderEvent::type)
                .containsExactly(OrderEventType.CREATED, OrderEventType.PROCESSING, OrderEventType.COMPLETED);
    }

    @Test
    void a_run_that_dies_between_its_two_commits_leaves_events_only_for_the_first_and_the_resume_adds_the_rest() {
        Order order = place(owner, T0);
        orders().applyToOldest(StatusChange.processingStart(T0.plusSeconds(10)), T0, 10);

        assertThat(all(owner))
                .extracting(OrderEvent::type)
                .containsExactly(OrderEventType.CREATED, OrderEventType.PROCESSING);

        StatusChange resumed = StatusChange.completion(T0.plusSeconds(700));
        orders().applyToOldest(resumed, T0.plusSeconds(100), 10);

        assertThat(all(owner))
                .extracting(OrderEvent::type, OrderEvent::sequence)
                .containsExactly(
                        tuple(OrderEventType.CREATED, 1),
                        tuple(OrderEventType.PROCESSING, 2),
                        tuple(OrderEventType.COMPLETED, 3));
        assertThat(all(owner).getLast().order().id()).isEqualTo(order.id());
    }

    @Test
    void a_placement_that_rolls_back_leaves_no_event() {
        assertThatThrownBy(() -> transactions().inTransaction(() -> {
                    place(owner, T0);
                    throw new IllegalStateException("failure after the insert");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(all(owner)).isEmpty();
    }

    @Test
    void a_change_that_rolls_back_leaves_no_event_and_the_next_one_takes_its_sequence() {
        Order order = place(owner, T0);

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
                    orders().applyIfCurrent(order.id(), owner, StatusChange.cancellation(T0.plusSeconds(1)));
                    throw new IllegalStateException("failure after the update");
                }))
                .isInstanceOf(IllegalStateException.class);
        orders().applyIfCurrent(order.id(), owner, StatusChange.cancellation(T0.plusSeconds(2)));

        assertThat(all(owner))
                .extracting(OrderEvent::type, OrderEvent::sequence, OrderEvent::createdAt)
                .containsExactly(
                        tuple(OrderEventType.CREATED, 1, T0), tuple(OrderEventType.CANCELLED, 2, T0.plusSeconds(2)));
    }

    @Test
    void a_change_that_does_not_apply_leaves_no_event() {
        Order order = place(owner, T0);
        orders().applyToOldest(StatusChange.processingStart(T0.plusSeconds(1)), T0, 10);

        assertThat(orders().applyIfCurrent(order.id(), owner, StatusChange.cancellation(T0.plusSeconds(2))))
                .isEmpty();

        assertThat(all(owner))
                .extracting(OrderEvent::type)
                .containsExactly(OrderEventType.CREATED, OrderEventType.PROCESSING);
    }

    @Test
    void an_owner_reads_only_the_events_of_its_own_orders() {
        UserId other = newOwner();
        place(other, T0);
        Order mine = place(owner, T0);

        assertThat(all(owner)).extracting(event -> event.order().id()).containsExactly(mine.id());
    }

    @Test
    void walking_the_feed_a_page_at_a_time_returns_every_event_once_in_order() {
        List<Order> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placed.add(place(owner, T0.plusSeconds(i)));
        }
        orders().applyIfCurrent(placed.get(2).id(), owner, StatusChange.cancellation(T0.plusSeconds(10)));
        List<OrderEvent> expected = all(owner);

        List<OrderEvent> walked = new ArrayList<>();
        Optional<EventCursor> cursor = Optional.empty();
        List<PositionedEvent> page;
        do {
            page = events().readAfter(owner, cursor, 2);
            page.forEach(entry -> walked.add(entry.event()));
            if (!page.isEmpty()) {
                cursor = Optional.of(page.getLast().position());
            }
        } while (!page.isEmpty());

        assertThat(expected).hasSize(6);
        assertThat(walked).containsExactlyElementsOf(expected);
        assertThat(walked).extracting(OrderEvent::id).doesNotHaveDuplicates();
    }

    @Test
    void events_are_read_in_the_order_their_changes_committed() {
        Order first = place(owner, T0.plusSeconds(5));
        Order second = place(owner, T0);
        orders().applyIfCurrent(first.id(), owner, StatusChange.cancellation(T0.plusSeconds(6)));

        assertThat(all(owner))
                .extracting(event -> event.order().id(), OrderEvent::type)
                .containsExactly(
                        tuple(first.id(), OrderEventType.CREATED),
                        tuple(second.id(), OrderEventType.CREATED),
                        tuple(first.id(), OrderEventType.CANCELLED));
    }

    @Test
    void a_limit_caps_the_page() {
        place(owner, T0);
        place(owner, T0);
        place(owner, T0);

        assertThat(events().readAfter(owner, Optional.empty(), 2)).hasSize(2);
        assertThat(events().readAfter(owner, Optional.empty(), 0)).isEmpty();
    }
}
