package com.acme.orders.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.port.EventCursor;
import com.acme.orders.application.port.in.event.EventPage;
import com.acme.orders.application.port.in.event.ListEventsQuery;
import com.acme.orders.application.port.out.OrderEventSignals;
import com.acme.orders.application.testing.InMemoryStore;
import com.acme.orders.application.testing.MutableClock;
import com.acme.orders.application.testing.Users;
import com.acme.orders.domain.order.Amount;
import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.order.OrderEvent;
import com.acme.orders.domain.order.ProductName;
import com.acme.orders.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = MutableClock.at(T0);
    private final List<Duration> waits = new ArrayList<>();
    /** Each wait passes in full on the clock; {@link #duringWait} runs first, as if an event arrived meanwhile. */
    private Runnable duringWait = () -> {};

    private final OrderEventSignals signals = (owner, timeout) -> {
        waits.add(timeout);
        duringWait.run();
        clock.advance(timeout);
    };
    private final EventService service = new EventService(store.events(), signals, clock);
    private final UserId owner =
            Users.stored(store.users(), "owner@example.com").id();

    private Order place() {
        Order order = Order.place(store.orders().nextId(), owner, new ProductName("Laptop"), Amount.of("1.00"), T0);
        store.orders().add(order);
        return order;
    }

    private EventPage list(EventCursor after, int limit, Duration wait) throws InterruptedException {
        return service.list(new ListEventsQuery(owner, after, limit, wait));
    }

    @Test
    void an_empty_feed_read_from_the_start_hands_back_the_start() throws InterruptedException {
        EventPage page = service.list(ListEventsQuery.fromStart(owner));

        assertThat(page.events()).isEmpty();
        assertThat(page.next()).isEqualTo(EventCursor.START);
        assertThat(waits).isEmpty();
    }

    @Test
    void the_next_cursor_is_the_position_of_the_last_event_of_the_page() throws InterruptedException {
        place();
        place();
        place();

        EventPage first = list(EventCursor.START, 2, Duration.ZERO);
        EventPage second = list(first.next(), 2, Duration.ZERO);

        assertThat(first.events()).hasSize(2);
        assertThat(first.next()).isEqualTo(new EventCursor(2, 2));
        assertThat(second.events()).extracting(OrderEvent::id).containsExactly(3L);
    }

    @Test
    void a_page_with_nothing_new_hands_back_the_cursor_it_was_given() throws InterruptedException {
        place();
        EventPage first = service.list(ListEventsQuery.fromStart(owner));

        EventPage again = list(first.next(), 20, Duration.ZERO);

        assertThat(again.events()).isEmpty();
        assertThat(again.next()).isEqualTo(first.next());
    }

    @Test
    void a_read_with_events_answers_at_once_whatever_its_wait() throws InterruptedException {
        place();

        assertThat(list(EventCursor.START, 20, Duration.ofSeconds(30)).events()).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void a_waiting_read_reads_again_at_least_every_second_until_its_wait_is_over() throws InterruptedException {
        EventPage page = list(EventCursor.START, 20, Duration.ofMillis(2500));

        assertThat(page.events()).isEmpty();
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(500));
    }

    @Test
    void an_event_committed_during_the_wait_ends_it_with_that_event() throws InterruptedException {
        List<Order> placed = new ArrayList<>();
        duringWait = () -> {
            if (placed.isEmpty()) {
                placed.add(place());
            }
        };

        EventPage page = list(EventCursor.START, 20, Duration.ofSeconds(30));

        assertThat(page.events())
                .extracting(event -> event.order().id())
                .containsExactly(placed.getFirst().id());
        assertThat(waits).hasSize(1);
    }
}
