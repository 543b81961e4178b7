package com.acme.orders.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.port.EventCursor;
import com.acme.orders.application.port.in.event.EventPage;
import com.acme.orders.application.port.in.event.ListEventsQuery;
import com.acme.orders.application.testing.InMemoryStore;
import com.acme.orders.application.testing.Users;
import com.acme.orders.domain.order.Amount;
import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.order.OrderEvent;
import com.acme.orders.domain.order.ProductName;
import com.acme.orders.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private final InMemoryStore store = new InMemoryStore();
    private final EventService service = new EventService(store.events());
    private final UserId owner =
            Users.stored(store.users(), "owner@example.com").id();

    private void place() {
        store.orders()
                .add(Order.place(store.orders().nextId(), owner, new ProductName("Laptop"), Amount.of("1.00"), T0));
    }

    @Test
    void an_empty_feed_read_from_the_start_has_no_cursor_yet() {
        EventPage page = service.list(ListEventsQuery.fromStart(owner));

        assertThat(page.events()).isEmpty();
        assertThat(page.next()).isEmpty();
    }

    @Test
    void the_next_cursor_is_the_position_of_the_last_event_of_the_page() {
        place();
        place();
        place();

        EventPage first = service.list(new ListEventsQuery(owner, Optional.empty(), 2));
        EventPage second = service.list(new ListEventsQuery(owner, first.next(), 2));

        assertThat(first.events()).hasSize(2);
        assertThat(first.next()).contains(new EventCursor(2, 2));
        assertThat(second.events()).extracting(OrderEvent::id).containsExactly(3L);
    }

    @Test
    void a_page_with_nothing_new_hands_back_the_cursor_it_was_given() {
        place();
        EventPage first = service.list(ListEventsQuery.fromStart(owner));

        EventPage again = service.list(new ListEventsQuery(owner, first.next(), 20));

        assertThat(again.events()).isEmpty();
        assertThat(again.next()).isEqualTo(first.next());
    }
}
