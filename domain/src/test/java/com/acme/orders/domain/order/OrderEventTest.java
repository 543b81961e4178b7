package com.acme.orders.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.domain.shared.InvalidValueException;
import com.acme.orders.domain.user.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderEventTest {

    private static final Instant PLACED = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant LATER = PLACED.plusSeconds(60);

    private static Order placed() {
        return Order.place(new OrderId(7), new UserId(3), new ProductName("Laptop"), Amount.of("999.99"), PLACED);
    }

    @Test
    void the_placement_is_order_created_with_sequence_1_at_the_placement_time() {
        OrderEvent event = OrderEvent.of(11, StatusChange.placement(PLACED), placed());

        assertThat(event.type()).isEqualTo(OrderEventType.CREATED);
        assertThat(event.type().code()).isEqualTo("order.created");
        assertThat(event.sequence()).isEqualTo(1);
        assertThat(event.createdAt()).isEqualTo(PLACED);
    }

    @Test
    void a_move_is_the_event_of_its_target_state_with_the_order_as_it_left_it() {
        StatusChange start = StatusChange.processingStart(LATER);
        Order processing = placed().apply(start);

        OrderEvent event = OrderEvent.of(12, start, processing);

        assertThat(event.type()).isEqualTo(OrderEventType.PROCESSING);
        assertThat(event.sequence()).isEqualTo(2);
        assertThat(event.createdAt()).isEqualTo(LATER);
        assertThat(event.order()).isEqualTo(processing);
    }

    @Test
    void an_order_the_change_did_not_leave_so_is_refused() {
        assertThatThrownBy(() -> OrderEvent.of(12, StatusChange.cancellation(LATER), placed()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_id_and_sequence_are_positive() {
        assertThatThrownBy(() -> new OrderEvent(0, 1, placed())).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new OrderEvent(1, 0, placed())).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @EnumSource(OrderEventType.class)
    void every_type_reads_back_from_its_code(OrderEventType type) {
        assertThat(OrderEventType.fromCode(type.code())).isEqualTo(type);
    }

    @Test
    void an_unknown_type_code_is_refused() {
        assertThatThrownBy(() -> OrderEventType.fromCode("order.shipped")).isInstanceOf(InvalidValueException.class);
    }
}
