package com.acme.orders.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.application.port.IdempotencyKey;
import com.acme.orders.application.port.RecordedResponse;
import com.acme.orders.application.port.in.order.IdempotencyKeyInFlightException;
import com.acme.orders.application.port.in.order.IdempotencyKeyReusedException;
import com.acme.orders.application.port.in.order.PlaceOrderCommand;
import com.acme.orders.application.port.in.order.PlaceOrderOnceCommand;
import com.acme.orders.application.port.out.OrderRepository;
import com.acme.orders.application.testing.InMemoryStore;
import com.acme.orders.application.testing.MutableClock;
import com.acme.orders.application.testing.Orders;
import com.acme.orders.application.testing.Users;
import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.shared.InvalidValueException;
import com.acme.orders.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceOrderOnceServiceTest {

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = MutableClock.atDefaultStart();
    private final OrderService orders = new OrderService(store.orders(), store.transactions(), clock);
    private final PlaceOrderOnceService service =
            new PlaceOrderOnceService(orders, store.idempotencyKeys(), store.transactions(), clock);
    private final UserId alice =
            Users.stored(store.users(), "alice@example.com").id();
    private final UserId bob = Users.stored(store.users(), "bob@example.com").id();
    private final AtomicInteger rendered = new AtomicInteger();

    /** The HTTP adapter's part: the answer for a new order, counted. */
    private RecordedResponse answer(Order order) {
        return new RecordedResponse(
                order.id(), 201, "{\"id\":" + order.id().value() + ",\"n\":" + rendered.incrementAndGet() + "}");
    }

    private static PlaceOrderOnceCommand once(PlaceOrderCommand order, String key) {
        return new PlaceOrderOnceCommand(order, new IdempotencyKey(key));
    }

    private long ordersOf(UserId owner) {
        return store.orders()
                .findPage(owner, Optional.empty(), Optional.empty(), 100)
                .total();
    }

    @Test
    void the_first_request_with_a_key_places_the_order_and_answers_with_the_rendered_response() {
        RecordedResponse first = service.place(once(Orders.laptopFor(alice), "k1"), this::answer);

        assertThat(first.status()).isEqualTo(201);
        assertThat(store.orders().findById(first.orderId())).isPresent();
        assertThat(ordersOf(alice)).isEqualTo(1);
    }

    @Test
    void a_retry_with_the_same_key_and_order_replays_the_first_answer_and_places_nothing() {
        RecordedResponse first = service.place(once(Orders.laptopFor(alice), "k1"), this::answer);
        clock.advance(Duration.ofHours(1));

        RecordedResponse again = service.place(once(Orders.laptopFor(alice), "k1"), this::answer);

        assertThat(again).isEqualTo(first);
        assertThat(rendered).hasValue(1);
        assertThat(ordersOf(alice)).isEqualTo(1);
    }

    @Test
    void the_same_key_with_a_different_order_is_refused_as_reused() {
        service.place(once(Orders.placement(alice, "Laptop", "999.99"), "k1"), this::answer);

        assertThatThrownBy(() -> service.place(once(Orders.placement(alice, "Laptop", "999.98"), "k1"), this::answer))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThatThrownBy(() -> service.place(once(Orders.placement(alice, "Phone", "999.99"), "k1"), this::answer))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(ordersOf(alice)).isEqualTo(1);
    }

    @Test
    void amounts_equal_at_two_decimals_are_the_same_request() {
        RecordedResponse first = service.place(once(Orders.placement(alice, "Laptop", "10"), "k1"), this::answer);

        assertThat(service.place(once(Orders.placement(alice, "Laptop", "10.00"), "k1"), this::answer))
                .isEqualTo(first);
    }

    @Test
    void a_retry_while_the_first_request_is_still_placing_is_refused_as_in_flight() {
        IdempotencyKey key = new IdempotencyKey("k1");
        store.idempotencyKeys()
                .claim(
                        alice,
                        key,
                        RequestFingerprint.of(Orders.laptopFor(alice)),
                        clock.instant(),
                        Instant.EPOCH,
                        Instant.EPOCH);

        assertThatThrownBy(() -> service.place(once(Orders.laptopFor(alice), "k1"), this::answer))
                .isInstanceOf(IdempotencyKeyInFlightException.class);
        assertThat(ordersOf(alice)).isZero();
    }

    @Test
    void keys_are_per_user() {
        RecordedResponse forAlice = service.place(once(Orders.laptopFor(alice), "shared"), this::answer);
        RecordedResponse forBob = service.place(once(Orders.laptopFor(bob), "shared"), this::answer);

        assertThat(forBob.orderId()).isNotEqualTo(forAlice.orderId());
        assertThat(ordersOf(alice)).isEqualTo(1);
        assertThat(ordersOf(bob)).isEqualTo(1);
    }

    @Test
    void a_key_older_than_24_hours_counts_as_new() {
        RecordedResponse first = service.place(once(Orders.laptopFor(alice), "k1"), this::answer);
        clock.advance(Duration.ofHours(24).plusSeconds(1));

        RecordedResponse second = service.place(once(Orders.placement(alice, "Phone", "5.00"), "k1"), this::answer);

        assertThat(second.orderId()).isNotEqualTo(first.orderId());
        assertThat(ordersOf(alice)).isEqualTo(2);
    }

    @Test
    void a_key_of_24_hours_exactly_still_replays() {
        RecordedResponse first = service.place(once(Orders.laptopFor(alice), "k1"), this::answer);
        clock.advance(Duration.ofHours(24));

        assertThat(service.place(once(Orders.laptopFor(alice), "k1"), this::answer))
                .isEqualTo(first);
    }

    @Test
    void a_failed_placement_leaves_neither_order_nor_key_behind() {
        Function<Order, RecordedResponse> failing = order -> {
            throw new IllegalStateException("rendering failed");
        };

        assertThatThrownBy(() -> service.place(once(Orders.laptopFor(alice), "k1"), failing))
                .isInstanceOf(IllegalStateException.class);

        assertThat(ordersOf(alice)).isZero();
        RecordedResponse retried = service.place(once(Orders.laptopFor(alice), "k1"), this::answer);
        assertThat(ordersOf(alice)).isEqualTo(1);
        assertThat(store.orders().findById(retried.orderId())).isPresent();
    }

    @Test
    void a_claim_left_by_a_crashed_request_is_taken_over_after_a_minute() {
        store.idempotencyKeys()
                .claim(
                        alice,
                        new IdempotencyKey("k1"),
                        RequestFingerprint.of(Orders.laptopFor(alice)),
                        clock.instant(),
                        Instant.EPOCH,
                        Instant.EPOCH);
        clock.advance(PlaceOrderOnceService.ABANDONED_AFTER.plusSeconds(1));

        RecordedResponse response = service.place(once(Orders.laptopFor(alice), "k1"), this::answer);

        assertThat(store.orders().findById(response.orderId())).isPresent();
    }

    @Test
    void a_placement_whose_claim_was_taken_over_rolls_its_order_back() {
        OrderRepository repository = store.orders();
        Function<Order, RecordedResponse> slow = order -> {
            // while this request places its order, its claim is taken over as abandoned
            clock.advance(Duration.ofMinutes(2));
            store.idempotencyKeys()
                    .claim(
                            alice,
                            new IdempotencyKey("k1"),
                            RequestFingerprint.of(Orders.laptopFor(alice)),
                            clock.instant(),
                            Instant.EPOCH,
                            clock.instant().minus(PlaceOrderOnceService.ABANDONED_AFTER));
            return answer(order);
        };

        assertThatThrownBy(() -> service.place(once(Orders.laptopFor(alice), "k1"), slow))
                .isInstanceOf(IdempotencyKeyInFlightException.class);

        assertThat(repository
                        .findPage(alice, Optional.empty(), Optional.empty(), 10)
                        .total())
                .isZero();
    }

    @Test
    void every_request_deletes_expired_keys_of_anyone() {
        service.place(once(Orders.laptopFor(bob), "old"), this::answer);
        clock.advance(Duration.ofHours(25));

        service.place(once(Orders.laptopFor(alice), "new"), this::answer);

        assertThat(store.idempotencyKeys().deleteExpired(clock.instant(), 100)).isEqualTo(1);
    }

    @Test
    void the_fingerprint_is_the_sha256_of_the_canonical_order() {
        String fingerprint = RequestFingerprint.of(Orders.placement(alice, "Laptop", "999.9"));

        assertThat(fingerprint).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(RequestFingerprint.of(Orders.placement(bob, "Laptop", "999.90")))
                .isEqualTo(fingerprint);
        assertThat(RequestFingerprint.of(Orders.placement(alice, "Laptop Pro", "999.90")))
                .isNotEqualTo(fingerprint);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "order-2026-11-24/1", "with inner space", "~!@#$%^&*()_+{}|:\"<>?"})
    void keys_of_printable_ascii_are_accepted(String value) {
        assertThat(new IdempotencyKey(value).value()).isEqualTo(value);
    }

    @Test
    void a_key_of_255_characters_is_accepted_and_of_256_refused() {
        assertThat(new IdempotencyKey("k".repeat(255)).value()).hasSize(255);
        assertThatThrownBy(() -> new IdempotencyKey("k".repeat(256))).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", " lead", "trail ", "tab\there", "new\nline", "caf\u00e9", "\u0000", "\u007f"})
    void keys_that_are_empty_or_not_printable_ascii_are_refused(String value) {
        assertThatThrownBy(() -> new IdempotencyKey(value)).isInstanceOf(InvalidValueException.class);
    }
}
