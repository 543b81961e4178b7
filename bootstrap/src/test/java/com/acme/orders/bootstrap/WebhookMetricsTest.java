package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.port.out.EventSender.SendOutcome;
import com.acme.orders.application.port.out.WebhookDeliveries;
import com.acme.orders.domain.order.Amount;
import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.order.OrderEvent;
import com.acme.orders.domain.order.OrderId;
import com.acme.orders.domain.order.ProductName;
import com.acme.orders.domain.user.UserId;
import com.acme.orders.domain.webhook.DeliveryState;
import com.acme.orders.domain.webhook.WebhookSecret;
import com.acme.orders.domain.webhook.WebhookUrl;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WebhookMetricsTest {

    private static final Instant START = Instant.parse("2026-11-24T18:19:02Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(START);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Backlogs backlogs = new Backlogs();
    private final WebhookMetrics metrics = new WebhookMetrics(registry, backlogs, clock);

    /** Answers the backlog it was given, counting the reads; fails them while {@code down}. */
    private static final class Backlogs implements WebhookDeliveries {
        volatile WebhookDeliveries.Backlog backlog = new WebhookDeliveries.Backlog(0, Optional.empty());
        volatile boolean down;
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public WebhookDeliveries.Backlog backlog(Instant at) {
            reads.incrementAndGet();
            if (down) {
                throw new IllegalStateException("the database is unreachable");
            }
            return backlog;
        }

        @Override
        public List<ClaimedDelivery> claimDue(Instant at, Instant leaseUntil, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int recordAll(List<Recording> recordings) {
            throw new UnsupportedOperationException();
        }
    }

    private double attempts(String outcome) {
        return registry.get(WebhookMetrics.ATTEMPTS)
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private static WebhookDeliveries.Recording recording(DeliveryState state) {
        Order order = Order.place(new OrderId(1), new UserId(1), new ProductName("Laptop"), Amount.of("1.00"), START);
        WebhookDeliveries.ClaimedDelivery claim = new WebhookDeliveries.ClaimedDelivery(
                1,
                UUID.randomUUID(),
                1,
                WebhookUrl.parse("https://hooks.example.com/"),
                WebhookSecret.generate(new SecureRandom()),
                new OrderEvent(1, 1, order));
        return new WebhookDeliveries.Recording(
                claim,
                state == DeliveryState.DELIVERED ? SendOutcome.answered(200) : SendOutcome.answered(500),
                START,
                state,
                state == DeliveryState.PENDING ? Optional.of(START.plusSeconds(10)) : Optional.empty());
    }

    @Test
    void every_series_exists_from_the_start_and_an_empty_backlog_reads_zero() {
        assertThat(attempts("delivered")).isZero();
        assertThat(attempts("retrying")).isZero();
        assertThat(attempts("failed")).isZero();
        assertThat(gauge(WebhookMetrics.DUE)).isZero();
        assertThat(gauge(WebhookMetrics.OLDEST_DUE_AGE)).isZero();
    }

    @Test
    void attempts_are_counted_by_the_state_their_delivery_is_in_after_them() {
        metrics.recorded(List.of(
                recording(DeliveryState.DELIVERED),
                recording(DeliveryState.DELIVERED),
                recording(DeliveryState.PENDING),
                recording(DeliveryState.FAILED)));

        assertThat(attempts("delivered")).isEqualTo(2);
        assertThat(attempts("retrying")).isEqualTo(1);
        assertThat(attempts("failed")).isEqualTo(1);
    }

    @Test
    void the_backlog_is_how_many_are_due_and_how_long_the_oldest_has_waited_read_once_a_second_at_most() {
        backlogs.backlog = new WebhookDeliveries.Backlog(3, Optional.of(START.minusSeconds(7)));

        assertThat(gauge(WebhookMetrics.DUE)).isEqualTo(3);
        assertThat(gauge(WebhookMetrics.OLDEST_DUE_AGE)).isEqualTo(7);
        assertThat(backlogs.reads).hasValue(1);

        backlogs.backlog = new WebhookDeliveries.Backlog(1, Optional.of(START.minusSeconds(2)));
        now.set(START.plus(Duration.ofMillis(999)));
        assertThat(gauge(WebhookMetrics.DUE)).as("read less than a second ago").isEqualTo(3);
        now.set(START.plusSeconds(1));
        assertThat(gauge(WebhookMetrics.DUE)).isEqualTo(1);
        assertThat(gauge(WebhookMetrics.OLDEST_DUE_AGE)).isEqualTo(3);
        assertThat(backlogs.reads).hasValue(2);
    }

    @Test
    void while_the_database_does_not_answer_the_backlog_reads_not_a_number() {
        backlogs.down = true;

        assertThat(gauge(WebhookMetrics.DUE)).isNaN();
        assertThat(gauge(WebhookMetrics.OLDEST_DUE_AGE)).isNaN();
    }
}
