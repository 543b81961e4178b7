package com.acme.orders.domain.order;

import static com.acme.orders.domain.order.OrderStatus.CANCELLED;
import static com.acme.orders.domain.order.OrderStatus.COMPLETED;
import static com.acme.orders.domain.order.OrderStatus.PENDING;
import static com.acme.orders.domain.order.OrderStatus.PROCESSING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.domain.shared.InvalidValueException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrderStatusTest {

    /** The whole life cycle: nothing but these three moves. */
    private static final Set<List<OrderStatus>> ALLOWED =
            Set.of(List.of(PENDING, PROCESSING), List.of(PENDING, CANCELLED), List.of(PROCESSING, COMPLETED));

    static Stream<Arguments> everyOrderedPair() {
        return Arrays.stream(OrderStatus.values())
                .flatMap(from -> Arrays.stream(OrderStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyOrderedPair")
    void only_the_three_moves_of_the_life_cycle_are_allowed(OrderStatus from, OrderStatus to) {
        boolean expected = ALLOWED.contains(List.of(from, to));

        assertThat(from.canMoveTo(to)).isEqualTo(expected);
        assertThat(from.successors().contains(to)).isEqualTo(expected);
    }

    @Test
    void completed_and_cancelled_lead_nowhere() {
        assertThat(COMPLETED.successors()).isEmpty();
        assertThat(CANCELLED.successors()).isEmpty();
    }

    @Test
    void codes_are_the_lower_case_names_of_the_wire() {
        assertThat(Arrays.stream(OrderStatus.values()).map(OrderStatus::code))
                .containsExactly("pending", "processing", "completed", "cancelled");
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void a_code_reads_back_as_its_status(OrderStatus status) {
        assertThat(OrderStatus.fromCode(status.code())).isEqualTo(status);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"PENDING", "Pending", "bogus", "", " pending", "pending ", "canceled"})
    void anything_but_an_exact_code_is_refused(String code) {
        assertThatThrownBy(() -> OrderStatus.fromCode(code))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be one of: pending, processing, completed, cancelled");
    }
}
