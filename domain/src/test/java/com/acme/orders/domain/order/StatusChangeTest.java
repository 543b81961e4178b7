package com.acme.orders.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.domain.user.UserId;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class StatusChangeTest {

    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void a_placement_opens_a_history_as_pending_by_the_user() {
        assertThat(StatusChange.placement(AT)).isEqualTo(new StatusChange(null, OrderStatus.PENDING, AT, Actor.USER));
    }

    @Test
    void a_cancellation_moves_pending_to_cancelled_by_the_user() {
        assertThat(StatusChange.cancellation(AT))
                .isEqualTo(new StatusChange(OrderStatus.PENDING, OrderStatus.CANCELLED, AT, Actor.USER));
    }

    @Test
    void a_processing_start_moves_pending_to_processing_by_the_system() {
        assertThat(StatusChange.processingStart(AT))
                .isEqualTo(new StatusChange(OrderStatus.PENDING, OrderStatus.PROCESSING, AT, Actor.SYSTEM));
    }

    @Test
    void a_completion_moves_processing_to_completed_by_the_system() {
        assertThat(StatusChange.completion(AT))
                .isEqualTo(new StatusChange(OrderStatus.PROCESSING, OrderStatus.COMPLETED, AT, Actor.SYSTEM));
    }

    static Stream<Arguments> everyForbiddenMove() {
        return Arrays.stream(OrderStatus.values())
                .flatMap(from -> Arrays.stream(OrderStatus.values())
                        .filter(to -> !from.canMoveTo(to))
                        .map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyForbiddenMove")
    void a_change_the_life_cycle_forbids_is_refused(OrderStatus from, OrderStatus to) {
        assertThatThrownBy(() -> new StatusChange(from, to, AT, Actor.SYSTEM))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .satisfies(e -> {
                    assertThat(((IllegalOrderTransitionException) e).from()).isEqualTo(from);
                    assertThat(((IllegalOrderTransitionException) e).to()).isEqualTo(to);
                });
    }

    @Test
    void a_forbidden_change_is_refused_with_the_exception_named_after_the_rule() {
        assertThatThrownBy(() -> new StatusChange(OrderStatus.COMPLETED, OrderStatus.CANCELLED, AT, Actor.USER))
                .isInstanceOf(OrderNotCancellableException.class);
        assertThatThrownBy(() -> new StatusChange(OrderStatus.CANCELLED, OrderStatus.PROCESSING, AT, Actor.SYSTEM))
                .isInstanceOf(OrderNotProcessableException.class);
        assertThatThrownBy(() -> new StatusChange(OrderStatus.PENDING, OrderStatus.COMPLETED, AT, Actor.SYSTEM))
                .isInstanceOf(OrderNotCompletableException.class);
        assertThatThrownBy(() -> new StatusChange(OrderStatus.PROCESSING, OrderStatus.PENDING, AT, Actor.SYSTEM))
                .isExactlyInstanceOf(IllegalOrderTransitionException.class)
                .hasMessage("an order cannot move from processing back to pending");
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = "PENDING", mode = EnumSource.Mode.EXCLUDE)
    void a_history_can_only_open_with_pending(OrderStatus to) {
        assertThatThrownBy(() -> new StatusChange(null, to, AT, Actor.USER))
                .isInstanceOf(IllegalOrderTransitionException.class);
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void a_change_applies_only_to_an_order_in_the_state_it_starts_from(OrderStatus status) {
        Order order = Order.restore(
                new OrderId(1), new UserId(1), new ProductName("Laptop"), Amount.of("10"), status, AT, AT);

        assertThat(StatusChange.cancellation(AT).appliesTo(order)).isEqualTo(status == OrderStatus.PENDING);
        assertThat(StatusChange.processingStart(AT).appliesTo(order)).isEqualTo(status == OrderStatus.PENDING);
        assertThat(StatusChange.completion(AT).appliesTo(order)).isEqualTo(status == OrderStatus.PROCESSING);
        assertThat(StatusChange.placement(AT).appliesTo(order)).isFalse();
    }
}
