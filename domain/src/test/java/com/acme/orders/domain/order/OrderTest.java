package com.acme.orders.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.domain.user.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderTest {

    private static final OrderId ID = new OrderId(7);
    private static final UserId OWNER = new UserId(3);
    private static final ProductName LAPTOP = new ProductName("Laptop");
    private static final Amount PRICE = Amount.of("999.99");
    private static final Instant PLACED_AT = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant LATER = PLACED_AT.plusSeconds(60);

    private static Order inStatus(OrderStatus status) {
        return Order.restore(ID, OWNER, LAPTOP, PRICE, status, PLACED_AT, PLACED_AT.plusSeconds(1));
    }

    @Test
    void a_placed_order_is_pending_and_was_created_when_last_updated() {
        Order order = Order.place(ID, OWNER, LAPTOP, PRICE, PLACED_AT);

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.createdAt()).isEqualTo(PLACED_AT);
        assertThat(order.updatedAt()).isEqualTo(PLACED_AT);
        assertThat(order.id()).isEqualTo(ID);
        assertThat(order.ownerId()).isEqualTo(OWNER);
        assertThat(order.productName()).isEqualTo(LAPTOP);
        assertThat(order.amount()).isEqualTo(PRICE);
    }

    @Test
    void a_restored_order_is_exactly_what_storage_held() {
        Order order = Order.restore(ID, OWNER, LAPTOP, PRICE, OrderStatus.COMPLETED, PLACED_AT, LATER);

        assertThat(order.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(order.createdAt()).isEqualTo(PLACED_AT);
        assertThat(order.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void a_cancellation_of_a_pending_order_returns_it_cancelled_and_updated_then() {
        Order pending = inStatus(OrderStatus.PENDING);

        Order cancelled = pending.apply(StatusChange.cancellation(LATER));

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.updatedAt()).isEqualTo(LATER);
        assertThat(cancelled)
                .isEqualTo(Order.restore(ID, OWNER, LAPTOP, PRICE, OrderStatus.CANCELLED, PLACED_AT, LATER));
        assertThat(pending).isEqualTo(inStatus(OrderStatus.PENDING));
    }

    @Test
    void the_start_of_processing_of_a_pending_order_returns_it_processing_and_updated_then() {
        Order pending = inStatus(OrderStatus.PENDING);

        Order processing = pending.apply(StatusChange.processingStart(LATER));

        assertThat(processing)
                .isEqualTo(Order.restore(ID, OWNER, LAPTOP, PRICE, OrderStatus.PROCESSING, PLACED_AT, LATER));
        assertThat(pending).isEqualTo(inStatus(OrderStatus.PENDING));
    }

    @Test
    void the_completion_of_a_processing_order_returns_it_completed_and_updated_then() {
        Order processing = inStatus(OrderStatus.PROCESSING);

        Order completed = processing.apply(StatusChange.completion(LATER));

        assertThat(completed)
                .isEqualTo(Order.restore(ID, OWNER, LAPTOP, PRICE, OrderStatus.COMPLETED, PLACED_AT, LATER));
        assertThat(processing).isEqualTo(inStatus(OrderStatus.PROCESSING));
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = "PENDING", mode = EnumSource.Mode.EXCLUDE)
    void a_cancellation_of_an_order_that_is_not_pending_is_refused_and_the_order_is_unchanged(OrderStatus status) {
        Order order = inStatus(status);

        assertThatThrownBy(() -> order.apply(StatusChange.cancellation(LATER)))
                .isInstanceOf(OrderNotCancellableException.class)
                .hasMessage("only a pending order can be cancelled; this order is " + status.code())
                .satisfies(e -> assertTransition(e, status, OrderStatus.CANCELLED));
        assertThat(order).isEqualTo(inStatus(status));
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = "PENDING", mode = EnumSource.Mode.EXCLUDE)
    void the_start_of_processing_of_an_order_that_is_not_pending_is_refused_and_the_order_is_unchanged(
            OrderStatus status) {
        Order order = inStatus(status);

        assertThatThrownBy(() -> order.apply(StatusChange.processingStart(LATER)))
                .isExactlyInstanceOf(IllegalOrderTransitionException.class)
                .satisfies(e -> assertTransition(e, status, OrderStatus.PROCESSING));
        assertThat(order).isEqualTo(inStatus(status));
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = "PROCESSING", mode = EnumSource.Mode.EXCLUDE)
    void the_completion_of_an_order_that_is_not_processing_is_refused_and_the_order_is_unchanged(OrderStatus status) {
        Order order = inStatus(status);

        assertThatThrownBy(() -> order.apply(StatusChange.completion(LATER)))
                .isExactlyInstanceOf(IllegalOrderTransitionException.class)
                .satisfies(e -> assertTransition(e, status, OrderStatus.COMPLETED));
        assertThat(order).isEqualTo(inStatus(status));
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void a_placement_is_never_applied_to_an_existing_order(OrderStatus status) {
        Order order = inStatus(status);

        assertThatThrownBy(() -> order.apply(StatusChange.placement(LATER)))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .satisfies(e -> assertTransition(e, status, OrderStatus.PENDING));
    }

    @Test
    void an_order_is_owned_by_its_owner_only() {
        Order order = inStatus(OrderStatus.PENDING);

        assertThat(order.isOwnedBy(new UserId(3))).isTrue();
        assertThat(order.isOwnedBy(new UserId(4))).isFalse();
    }

    @Test
    void orders_differing_in_any_field_are_not_equal() {
        Order order = inStatus(OrderStatus.PENDING);

        assertThat(order)
                .isNotEqualTo(Order.restore(
                        ID, OWNER, LAPTOP, Amount.of("1"), OrderStatus.PENDING, PLACED_AT, PLACED_AT.plusSeconds(1)));
        assertThat(order)
                .isNotEqualTo(Order.restore(
                        ID,
                        OWNER,
                        new ProductName("Phone"),
                        PRICE,
                        OrderStatus.PENDING,
                        PLACED_AT,
                        PLACED_AT.plusSeconds(1)));
        assertThat(order).isNotEqualTo(inStatus(OrderStatus.PROCESSING));
        assertThat(order).hasSameHashCodeAs(inStatus(OrderStatus.PENDING));
    }

    private static void assertTransition(Throwable thrown, OrderStatus from, OrderStatus to) {
        IllegalOrderTransitionException e = (IllegalOrderTransitionException) thrown;
        assertThat(e.from()).isEqualTo(from);
        assertThat(e.to()).isEqualTo(to);
    }
}
