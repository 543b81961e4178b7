package com.acme.orders.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.port.PageCursor;
import com.acme.orders.domain.order.OrderId;
import com.acme.orders.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorsTest {

    private final PageCursors cursors =
            new PageCursors("unit-test-secret-that-is-at-least-32-bytes".getBytes(StandardCharsets.UTF_8));
    private final UserId alice = new UserId(1);
    private final PageCursor position =
            new PageCursor(Instant.parse("2026-11-24T10:00:00.123456Z"), new OrderId(987_654_321L));

    @Test
    void a_cursor_round_trips_to_the_microsecond() {
        assertThat(cursors.decode(alice, cursors.encode(alice, position))).contains(position);
    }

    @Test
    void a_cursor_is_opaque_url_safe_text() {
        assertThat(cursors.encode(alice, position)).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void a_cursor_of_another_user_is_refused() {
        assertThat(cursors.decode(new UserId(2), cursors.encode(alice, position)))
                .isEmpty();
    }

    @Test
    void a_cursor_signed_with_another_secret_is_refused() {
        PageCursors other =
                new PageCursors("another-secret-that-is-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8));

        assertThat(cursors.decode(alice, other.encode(alice, position))).isEmpty();
    }

    @Test
    void every_single_bit_flip_is_detected() {
        byte[] raw = Base64.getUrlDecoder().decode(cursors.encode(alice, position));
        for (int bit = 0; bit < raw.length * 8; bit++) {
            byte[] flipped = raw.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(flipped);
            assertThat(cursors.decode(alice, forged)).as("bit %d", bit).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "====", "AAAA", "!!!!", "a.b.c"})
    void garbage_is_refused(String garbage) {
        assertThat(cursors.decode(alice, garbage)).isEmpty();
    }

    @Test
    void an_overlong_cursor_is_refused_without_decoding() {
        assertThat(cursors.decode(alice, "A".repeat(10_000))).isEmpty();
    }
}
