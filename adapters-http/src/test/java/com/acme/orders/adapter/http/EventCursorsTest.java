package com.acme.orders.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.port.EventCursor;
import com.acme.orders.application.port.PageCursor;
import com.acme.orders.domain.order.OrderId;
import com.acme.orders.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventCursorsTest {

    private static final byte[] SECRET = "a-secret-of-at-least-32-bytes-for-tests".getBytes(StandardCharsets.UTF_8);
    private static final UserId OWNER = new UserId(7);

    private final EventCursors cursors = new EventCursors(SECRET);

    @Test
    void a_cursor_reads_back_as_the_position_it_was_made_from() {
        EventCursor position = new EventCursor(123_456_789_012L, 42);

        assertThat(cursors.decode(OWNER, cursors.encode(OWNER, position))).contains(position);
        assertThat(cursors.decode(OWNER, cursors.encode(OWNER, EventCursor.START)))
                .contains(EventCursor.START);
    }

    @Test
    void a_cursor_issued_to_someone_else_is_refused() {
        String theirs = cursors.encode(new UserId(8), new EventCursor(1, 1));

        assertThat(cursors.decode(OWNER, theirs)).isEmpty();
    }

    @Test
    void a_cursor_with_any_byte_changed_is_refused() {
        String cursor = cursors.encode(OWNER, new EventCursor(1000, 5));
        for (int i = 0; i < cursor.length(); i++) {
            char replacement = cursor.charAt(i) == 'A' ? 'B' : 'A';
            String changed = cursor.substring(0, i) + replacement + cursor.substring(i + 1);
            assertThat(cursors.decode(OWNER, changed)).as("changed at %d", i).isEmpty();
        }
    }

    @Test
    void another_secret_s_cursor_is_refused() {
        EventCursors other = new EventCursors("another-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8));

        assertThat(cursors.decode(OWNER, other.encode(OWNER, new EventCursor(1, 1))))
                .isEmpty();
    }

    @Test
    void an_order_page_cursor_made_with_the_same_secret_is_refused() {
        String pageCursor = new PageCursors(SECRET).encode(OWNER, new PageCursor(Instant.EPOCH, new OrderId(1)));

        assertThat(cursors.decode(OWNER, pageCursor)).isEmpty();
    }

    @Test
    void garbage_is_refused() {
        assertThat(cursors.decode(OWNER, "")).isEmpty();
        assertThat(cursors.decode(OWNER, "%%%")).isEmpty();
        assertThat(cursors.decode(OWNER, "A".repeat(65))).isEmpty();
    }
}
