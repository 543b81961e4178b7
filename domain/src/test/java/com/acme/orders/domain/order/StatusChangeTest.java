package com.acme.orders.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                .isExactlyInstanceOf(IllegalOrderTransitionException.class)
                .hasMessage("an order cannot move from cancelled to processing");
        assertThatThrownBy(() -> new StatusChange(OrderStatus.PENDING, OrderStatus.COMPLETED, AT, Actor.SYSTEM))
                .isExactlyInstanceOf(IllegalOrderTransitionException.class)
                .hasMessage("an order cannot move from pending to completed");
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
    @EnumSource(value = OrderStatus.class, names = "PENDING", mode = EnumSource.Mode.EXCLUDE)
    void the_refusal_of_a_cancellation_names_the_rule_and_the_status_found(OrderStatus found) {
        assertThat(StatusChange.cancellation(AT).refusedFor(found))
                .isInstanceOf(OrderNotCancellableException.class)
                .hasMessage("only a pending order can be cancelled; this order is " + found.code())
                .satisfies(e -> {
                    assertThat(e.from()).isEqualTo(found);
                    assertThat(e.to()).isEqualTo(OrderStatus.CANCELLED);
                });
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = "PROCESSING", mode = EnumSource.Mode.EXCLUDE)
    void the_refusal_of_a_completion_is_an_illegal_transition_from_the_status_found(OrderStatus found) {
        assertThat(StatusChange.completion(AT).refusedFor(found))
                .isExactlyInstanceOf(IllegalOrderTransitionException.class)
                .satisfies(e -> assertThat(e.from()).isEqualTo(found));
    }

    @Test
    void a_change_is_never_refused_for_the_status_it_starts_from() {
        assertThatThrownBy(() -> StatusChange.cancellation(AT).refusedFor(OrderStatus.PENDING))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusChange.completion(AT).refusedFor(OrderStatus.PROCESSING))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_sequence_counts_the_changes_of_a_history_from_the_placement() {
        assertThat(StatusChange.placement(AT).sequence()).isEqualTo(1);
        assertThat(StatusChange.processingStart(AT).sequence()).isEqualTo(2);
        assertThat(StatusChange.cancellation(AT).sequence()).isEqualTo(2);
        assertThat(StatusChange.completion(AT).sequence()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void every_move_is_one_step_further_along_the_history(OrderStatus from) {
        for (OrderStatus to : from.successors()) {
            assertThat(new StatusChange(from, to, AT, Actor.SYSTEM).sequence()).isEqualTo(from.movesFromPending() + 2);
        }
    }
}
