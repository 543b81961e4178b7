package com.acme.orders.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.port.out.EventSender;
import com.acme.orders.application.port.out.EventSender.SendOutcome;
import com.acme.orders.application.port.out.OrderEventSignals;
import com.acme.orders.application.port.out.WebhookDeliveries;
import com.acme.orders.application.port.out.WebhookDeliveries.ClaimedDelivery;
import com.acme.orders.application.testing.MutableClock;
import com.acme.orders.domain.order.Amount;
import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.order.OrderEvent;
import com.acme.orders.domain.order.OrderId;
import com.acme.orders.domain.order.ProductName;
import com.acme.orders.domain.user.UserId;
import com.acme.orders.domain.webhook.DeliveryState;
import com.acme.orders.domain.webhook.RetrySchedule;
import com.acme.orders.domain.webhook.WebhookSecret;
import com.acme.orders.domain.webhook.WebhookUrl;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What the worker's use case decides after each attempt, and how many it sends at once, over fakes. */
class WebhookDeliveryServiceTest {

    private static final Duration BASE = Duration.ofSeconds(10);
    private static final DeliverySettings SETTINGS =
            new DeliverySettings(new RetrySchedule(BASE, 3), Duration.ofSeconds(30), 2, Duration.ofMillis(10));

    private final MutableClock clock = MutableClock.atDefaultStart();
    private final FakeDeliveries deliveries = new FakeDeliveries();

    /** Claims what a test queued, as many as asked for; keeps what was recorded. */
    private static final class FakeDeliveries implements WebhookDeliveries {

        final Deque<ClaimedDelivery> due = new ArrayDeque<>();
        final List<Integer> limits = new ArrayList<>();
        final List<Recorded> recorded = new ArrayList<>();
        final List<Instant> leases = new ArrayList<>();
        final List<Integer> batches = new ArrayList<>();

        record Recorded(ClaimedDelivery claim, SendOutcome outcome, DeliveryState state, Optional<Instant> next) {}

        @Override
        public synchronized List<ClaimedDelivery> claimDue(Instant now, Instant leaseUntil, int limit) {
            limits.add(limit);
            leases.add(leaseUntil);
            List<ClaimedDelivery> claimed = new ArrayList<>();
            while (claimed.size() < limit && !due.isEmpty()) {
                claimed.add(due.poll());
            }
            return claimed;
        }

        /** When set, the first batch waits for it before it is recorded. */
        volatile CountDownLatch holdFirstBatch;
        /** When set, the first batch fails with it. */
        volatile RuntimeException failFirstBatch;

        @Override
        public int recordAll(List<Recording> recordings) {
            CountDownLatch hold = holdFirstBatch;
            holdFirstBatch = null;
            if (hold != null) {
                try {
                    hold.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            RuntimeException failure = failFirstBatch;
            failFirstBatch = null;
            if (failure != null) {
                throw failure;
            }
            return recordAll0(recordings);
        }

        private synchronized int recordAll0(List<Recording> recordings) {
            batches.add(recordings.size());
            for (Recording r : recordings) {
                recorded.add(new Recorded(r.claim(), r.outcome(), r.state(), r.nextAttemptAt()));
            }
            notifyAll();
            return recordings.size();
        }

        @Override
        public synchronized Backlog backlog(Instant now) {
            return due.isEmpty() ? new Backlog(0, Optional.empty()) : new Backlog(due.size(), Optional.of(now));
        }

        synchronized List<Recorded> awaitRecorded(int n) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (recorded.size() < n && System.nanoTime() < deadline) {
                wait(50);
            }
            return List.copyOf(recorded);
        }
    }

    private static ClaimedDelivery delivery(int attempt) {
        Order order = Order.place(
                new OrderId(1),
                new UserId(1),
                new ProductName("Laptop"),
                Amount.of("1.00"),
                MutableClock.DEFAULT_START);
        return new ClaimedDelivery(
                attempt,
                UUID.randomUUID(),
                attempt,
                WebhookUrl.parse("https://hooks.example.com/"),
                WebhookSecret.generate(new SecureRandom()),
                new OrderEvent(1, 1, order));
    }

    private WebhookDeliveryService service(Function<EventSender.Attempt, SendOutcome> sender) {
        OrderEventSignals noSignals = (owner, timeout) -> {};
        return new WebhookDeliveryService(
                deliveries,
                sender::apply,
                noSignals,
                SETTINGS,
                Thread.ofVirtual().factory(),
                clock);
    }

    @Test
    void a_2xx_answer_delivers() throws Exception {
        deliveries.due.add(delivery(1));

        assertThat(service(attempt -> SendOutcome.answered(204)).deliverDue()).isEqualTo(1);

        FakeDeliveries.Recorded recorded = deliveries.awaitRecorded(1).getFirst();
        assertThat(recorded.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(recorded.next()).isEmpty();
    }

    @Test
    void a_failed_attempt_before_the_last_is_pending_again_after_the_doubled_delay() throws Exception {
        deliveries.due.add(delivery(2));

        service(attempt -> SendOutcome.answered(500)).deliverDue();

        FakeDeliveries.Recorded recorded = deliveries.awaitRecorded(1).getFirst();
        assertThat(recorded.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(recorded.next())
                .contains(clock.instant()
                        .truncatedTo(java.time.temporal.ChronoUnit.MICROS)
                        .plus(BASE.multipliedBy(2)));
        assertThat(recorded.outcome().statusCode()).isEqualTo(500);
    }

    @Test
    void the_last_failed_attempt_fails_the_delivery() throws Exception {
        deliveries.due.add(delivery(3));

        service(attempt -> SendOutcome.failed("no answer within 10 s")).deliverDue();

        FakeDeliveries.Recorded recorded = deliveries.awaitRecorded(1).getFirst();
        assertThat(recorded.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(recorded.next()).isEmpty();
    }

    @Test
    void the_claim_holds_a_lease_and_never_more_deliveries_than_can_be_sent_at_once() throws Exception {
        for (int i = 1; i <= 3; i++) {
            deliveries.due.add(delivery(1));
        }
        CountDownLatch release = new CountDownLatch(1);
        WebhookDeliveryService service = service(attempt -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return SendOutcome.answered(200);
        });

        assertThat(service.deliverDue()).isEqualTo(2);
        assertThat(deliveries.limits).containsExactly(2);
        assertThat(deliveries.leases.getFirst())
                .isEqualTo(clock.instant()
                        .truncatedTo(java.time.temporal.ChronoUnit.MICROS)
                        .plus(SETTINGS.lease()));
        assertThat(service.awaitInFlight(Duration.ofMillis(100))).isFalse();

        release.countDown();
        assertThat(service.awaitInFlight(Duration.ofSeconds(5))).isTrue();
        assertThat(service.deliverDue()).isEqualTo(1);
        assertThat(deliveries.awaitRecorded(3)).hasSize(3);
    }

    @Test
    void with_nothing_due_it_waits_for_a_signal_or_the_poll_interval() throws Exception {
        List<Duration> waits = new ArrayList<>();
        OrderEventSignals signals = new OrderEventSignals() {
            @Override
            public void awaitNew(UserId ownerId, Duration timeout) {}

            @Override
            public void awaitAny(Duration timeout) {
                waits.add(timeout);
            }
        };
        WebhookDeliveryService service = new WebhookDeliveryService(
                deliveries,
                attempt -> SendOutcome.answered(200),
                signals,
                SETTINGS,
                Thread.ofVirtual().factory(),
                clock);

        assertThat(service.deliverDue()).isZero();

        assertThat(waits).containsExactly(SETTINGS.pollInterval());
    }

    @Test
    void attempts_that_end_while_a_batch_is_written_go_into_one_next_batch() throws Exception {
        int n = 10;
        for (int i = 0; i < n; i++) {
            deliveries.due.add(delivery(1));
        }
        CountDownLatch allSending = new CountDownLatch(n);
        CountDownLatch writeFirst = new CountDownLatch(1);
        deliveries.holdFirstBatch = writeFirst;
        CountDownLatch ended = new CountDownLatch(n - 1);
        ThreadFactory counting = task -> Thread.ofVirtual().unstarted(() -> {
            try {
                task.run();
            } finally {
                ended.countDown();
            }
        });
        WebhookDeliveryService service = new WebhookDeliveryService(
                deliveries,
                attempt -> {
                    allSending.countDown();
                    try {
                        allSending.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return SendOutcome.answered(204);
                },
                (owner, timeout) -> {},
                new DeliverySettings(new RetrySchedule(BASE, 3), Duration.ofSeconds(30), n, Duration.ofMillis(10)),
                counting,
                clock);

        assertThat(service.deliverDue()).isEqualTo(n);
        // every sender but the one writing the first batch has queued its record and ended
        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
        writeFirst.countDown();

        assertThat(deliveries.awaitRecorded(n)).hasSize(n);
        assertThat(service.awaitInFlight(Duration.ofSeconds(5))).isTrue();
        assertThat(deliveries.batches).hasSizeLessThanOrEqualTo(2);
        assertThat(deliveries.batches.stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(n);
    }

    @Test
    void a_batch_that_fails_gives_its_permits_back_and_reaches_the_threads_handler() throws Exception {
        deliveries.due.add(delivery(1));
        IllegalStateException outage = new IllegalStateException("the database is unreachable");
        deliveries.failFirstBatch = outage;
        List<Throwable> escaped = new java.util.concurrent.CopyOnWriteArrayList<>();
        WebhookDeliveryService service = new WebhookDeliveryService(
                deliveries,
                attempt -> SendOutcome.answered(204),
                (owner, timeout) -> {},
                SETTINGS,
                Thread.ofVirtual()
                        .uncaughtExceptionHandler((thread, failure) -> escaped.add(failure))
                        .factory(),
                clock);

        assertThat(service.deliverDue()).isEqualTo(1);

        assertThat(service.awaitInFlight(Duration.ofSeconds(5))).isTrue();
        assertThat(deliveries.recorded).isEmpty();
        // the next attempt is recorded again: the failure did not leave the recorder taken
        deliveries.due.add(delivery(2));
        assertThat(service.deliverDue()).isEqualTo(1);
        assertThat(deliveries.awaitRecorded(1)).hasSize(1);
        // thrown after the permits were given back: it reaches the handler a moment later
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                escaped.isEmpty() && System.nanoTime() < deadline; ) {
            Thread.sleep(10);
        }
        assertThat(escaped).containsExactly(outage);
    }

    private WebhookDeliveryService observed(List<DeliveryState> told) {
        return new WebhookDeliveryService(
                deliveries,
                attempt -> SendOutcome.answered(500),
                (owner, timeout) -> {},
                SETTINGS,
                written -> written.forEach(recording -> told.add(recording.state())),
                Thread.ofVirtual()
                        .uncaughtExceptionHandler((thread, failure) -> {})
                        .factory(),
                clock);
    }

    @Test
    void the_observer_is_told_of_every_attempt_written_with_its_delivery_s_new_state() throws Exception {
        List<DeliveryState> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        WebhookDeliveryService service = observed(told);
        deliveries.due.add(delivery(1));
        deliveries.due.add(delivery(3));

        assertThat(service.deliverDue()).isEqualTo(2);
        assertThat(service.awaitInFlight(Duration.ofSeconds(5))).isTrue();

        // the first of three attempts is retried, the last fails the delivery
        assertThat(told).containsExactlyInAnyOrder(DeliveryState.PENDING, DeliveryState.FAILED);
    }

    @Test
    void the_observer_is_not_told_of_a_batch_that_failed() throws Exception {
        List<DeliveryState> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        WebhookDeliveryService service = observed(told);
        deliveries.failFirstBatch = new IllegalStateException("the database is unreachable");
        deliveries.due.add(delivery(3));

        assertThat(service.deliverDue()).isEqualTo(1);
        assertThat(service.awaitInFlight(Duration.ofSeconds(5))).isTrue();
        assertThat(told).isEmpty();

        deliveries.due.add(delivery(3));
        assertThat(service.deliverDue()).isEqualTo(1);
        assertThat(service.awaitInFlight(Duration.ofSeconds(5))).isTrue();
        assertThat(told).containsExactly(DeliveryState.FAILED);
    }
}
