package com.acme.orders.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.acme.orders.adapter.persistence.testing.TestDatabase;
import com.acme.orders.application.port.DeliveryAttempt;
import com.acme.orders.application.port.out.EventSender.SendOutcome;
import com.acme.orders.application.port.out.WebhookDeliveries;
import com.acme.orders.application.port.out.WebhookDeliveries.ClaimedDelivery;
import com.acme.orders.application.port.out.WebhookDeliveries.Recording;
import com.acme.orders.application.port.out.WebhookRepository;
import com.acme.orders.application.testing.Users;
import com.acme.orders.domain.order.Amount;
import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.order.OrderEventType;
import com.acme.orders.domain.order.ProductName;
import com.acme.orders.domain.order.StatusChange;
import com.acme.orders.domain.user.UserId;
import com.acme.orders.domain.webhook.DeliveryState;
import com.acme.orders.domain.webhook.Webhook;
import com.acme.orders.domain.webhook.WebhookSecret;
import com.acme.orders.domain.webhook.WebhookUrl;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks and their deliveries on real PostgreSQL: the fan-out in the events' own transaction, the claim and its
 * lease, the record guarded by the claim, the per-user limit under concurrent registrations, and the sealed secret.
 * Time is handed in, so leases expire when the test says.
 */
class JdbiWebhooksTest {

    private static final byte[] KEY = "persistence-test-secret-key-0123456789-abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final SendOutcome REFUSED = SendOutcome.failed("the connection was refused or could not be made");

    private static DatabaseSettings settings;
    private static Database database;
    private static WebhookRepository webhooks;
    private static WebhookDeliveries deliveries;
    private UserId owner;

    @BeforeAll
    static void connect() {
        settings = TestDatabase.fresh();
        database = Database.connect(settings);
        webhooks = database.webhooks(KEY);
        deliveries = database.webhookDeliveries(KEY);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void newOwner() {
        // every delivery due now belongs to this test: the others' were finished or are not due
        execute("UPDATE webhook_deliveries SET state = 'failed', next_attempt_at = NULL WHERE state = 'pending'");
        owner = Users.stored(database.users(), "owner-" + UUID.randomUUID() + "@example.com")
                .id();
    }

    private Webhook register(UserId ownerId, Set<OrderEventType> types) {
        Webhook webhook = new Webhook(
                webhooks.nextId(),
                ownerId,
                WebhookUrl.parse("https://hooks.example.com/" + UUID.randomUUID()),
                types,
                WebhookSecret.generate(new SecureRandom()),
                T0);
        assertThat(webhooks.addIfFewerThan(webhook, Webhook.MAX_PER_USER)).isTrue();
        return webhook;
    }

    private Order place(UserId ownerId) {
        Order order =
                Order.place(database.orders().nextId(), ownerId, new ProductName("Laptop"), Amount.of("1.00"), T0);
        database.orders().add(order);
        return order;
    }

    private static Instant now() {
        return Instant.now();
    }

    /** One attempt through {@link WebhookDeliveries#recordAll}; returns whether it was recorded. */
    private static boolean record(
            ClaimedDelivery claim,
            SendOutcome outcome,
            Instant at,
            DeliveryState state,
            Optional<Instant> nextAttemptAt) {
        return deliveries.recordAll(List.of(new Recording(claim, outcome, at, state, nextAttemptAt))) == 1;
    }

    private static List<ClaimedDelivery> claim(Instant at, Duration lease) {
        return deliveries.claimDue(at, at.plus(lease), 100);
    }

    @Test
    void an_event_gets_one_delivery_per_webhook_of_its_owner_that_accepts_its_type() {
        Webhook all = register(owner, Webhook.allEventTypes());
        Webhook cancels = register(owner, EnumSet.of(OrderEventType.CANCELLED));
        register(
                Users.stored(database.users(), "other-" + UUID.randomUUID() + "@example.com")
                        .id(),
                Webhook.allEventTypes());

        Order order = place(owner);
        List<ClaimedDelivery> claimed = claim(now(), Duration.ofMinutes(1));

        assertThat(claimed).hasSize(1);
        ClaimedDelivery delivery = claimed.getFirst();
        assertThat(delivery.target()).isEqualTo(all.url());
        assertThat(delivery.secret()).isEqualTo(all.secret());
        assertThat(delivery.attempt()).isEqualTo(1);
        assertThat(delivery.event().order()).isEqualTo(order);
        assertThat(delivery.event().type()).isEqualTo(OrderEventType.CREATED);

        database.orders().applyIfCurrent(order.id(), owner, StatusChange.cancellation(T0.plusSeconds(1)));
        List<ClaimedDelivery> cancelled = claim(now(), Duration.ofMinutes(1));
        assertThat(cancelled).extracting(ClaimedDelivery::target).containsExactlyInAnyOrder(all.url(), cancels.url());
        assertThat(cancelled).allSatisfy(each -> assertThat(each.event().type()).isEqualTo(OrderEventType.CANCELLED));
    }

    @Test
    void a_change_that_rolls_back_leaves_no_delivery() {
        register(owner, Webhook.allEventTypes());

        assertThatThrownBy(() -> database.transactions().inTransaction(() -> {
                    place(owner);
                    throw new IllegalStateException("rolled back");
                }))
                .hasMessage("rolled back");

        assertThat(claim(now(), Duration.ofMinutes(1))).isEmpty();
        place(owner);
        assertThat(claim(now(), Duration.ofMinutes(1))).hasSize(1);
    }

    @Test
    void a_claimed_delivery_is_not_claimed_again_until_its_lease_is_over_and_then_the_late_claim_records_nothing() {
        register(owner, Webhook.allEventTypes());
        place(owner);
        Instant start = now();

        ClaimedDelivery first = claim(start, Duration.ofSeconds(30)).getFirst();
        assertThat(claim(start.plusSeconds(29), Duration.ofSeconds(30))).isEmpty();
        ClaimedDelivery takeover =
                claim(start.plusSeconds(31), Duration.ofSeconds(30)).getFirst();

        assertThat(takeover.deliveryId()).isEqualTo(first.deliveryId());
        assertThat(takeover.attempt()).isEqualTo(1);
        assertThat(record(first, SendOutcome.answered(200), start, DeliveryState.DELIVERED, Optional.empty()))
                .isFalse();
        assertThat(record(
                        takeover,
                        SendOutcome.answered(200),
                        start.plusSeconds(31),
                        DeliveryState.DELIVERED,
                        Optional.empty()))
                .isTrue();
        assertThat(claim(start.plusSeconds(120), Duration.ofSeconds(30))).isEmpty();
    }

    @Test
    void the_backlog_counts_the_due_deliveries_claimed_or_not_and_knows_when_the_oldest_fell_due() {
        Instant before = now().minusSeconds(60);
        assertThat(deliveries.backlog(now())).isEqualTo(new WebhookDeliveries.Backlog(0, Optional.empty()));
        register(owner, Webhook.allEventTypes());
        place(owner);
        place(owner);
        Instant at = now().plusSeconds(1);

        WebhookDeliveries.Backlog two = deliveries.backlog(at);
        assertThat(two.due()).isEqualTo(2);
        assertThat(two.oldestDue())
                .hasValueSatisfying(oldest -> assertThat(oldest).isBetween(before, at));
        assertThat(deliveries.backlog(before).due()).as("not due yet").isZero();

        List<ClaimedDelivery> claimed = claim(at, Duration.ofSeconds(30));
        assertThat(claimed).hasSize(2);
        assertThat(deliveries.backlog(at).due()).as("claimed, still due").isEqualTo(2);
        assertThat(record(claimed.getFirst(), SendOutcome.answered(204), at, DeliveryState.DELIVERED, Optional.empty()))
                .isTrue();
        assertThat(deliveries.backlog(at).due()).as("one delivered").isEqualTo(1);
    }

    @Test
    void a_failed_attempt_is_recorded_and_the_delivery_is_due_again_at_its_next_attempt_as_the_next_attempt() {
        Webhook webhook = register(owner, Webhook.allEventTypes());
        place(owner);
        Instant start = now();
        ClaimedDelivery first = claim(start, Duration.ofSeconds(30)).getFirst();
        Instant next = start.plusSeconds(10);

        assertThat(record(first, REFUSED, start, DeliveryState.PENDING, Optional.of(next)))
                .isTrue();

        assertThat(claim(next.minusMillis(1), Duration.ofSeconds(30))).isEmpty();
        ClaimedDelivery second = claim(next, Duration.ofSeconds(30)).getFirst();
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(record(second, SendOutcome.answered(500), next, DeliveryState.FAILED, Optional.empty()))
                .isTrue();
        assertThat(claim(next.plusSeconds(3600), Duration.ofSeconds(30))).isEmpty();

        List<DeliveryAttempt> attempts = webhooks.attempts(webhook.id(), 100);
        assertThat(attempts).extracting(DeliveryAttempt::attempt).containsExactly(2, 1);
        assertThat(attempts).extracting(DeliveryAttempt::state).containsOnly(DeliveryState.FAILED);
        assertThat(attempts.get(0).statusCode()).isEqualTo(500);
        assertThat(attempts.get(1).statusCode()).isZero();
        assertThat(attempts.get(1).error()).contains(REFUSED.error());
        assertThat(attempts.get(1).eventId()).isEqualTo(first.event().id());
        assertThat(webhooks.attempts(webhook.id(), 1)).hasSize(1);
    }

    @Test
    void a_batch_records_every_attempt_its_claims_still_hold_in_one_statement_and_skips_the_rest() {
        Webhook webhook = register(owner, Webhook.allEventTypes());
        place(owner);
        place(owner);
        place(owner);
        Instant start = now();
        List<ClaimedDelivery> claimed = deliveries.claimDue(start, start.plusSeconds(60), 2);
        assertThat(claimed).hasSize(2);
        // the third one's shorter lease runs out and another worker takes it over: its first claim no longer holds it
        ClaimedDelivery stale =
                deliveries.claimDue(start, start.plusSeconds(30), 1).getFirst();
        ClaimedDelivery takeover =
                claim(start.plusSeconds(31), Duration.ofSeconds(30)).getFirst();
        assertThat(takeover.deliveryId()).isEqualTo(stale.deliveryId());
        Instant next = start.plusSeconds(10).truncatedTo(java.time.temporal.ChronoUnit.MICROS);

        int recorded = deliveries.recordAll(List.of(
                new Recording(
                        claimed.get(0), SendOutcome.answered(204), start, DeliveryState.DELIVERED, Optional.empty()),
                new Recording(claimed.get(1), REFUSED, start, DeliveryState.PENDING, Optional.of(next)),
                new Recording(stale, SendOutcome.answered(200), start, DeliveryState.DELIVERED, Optional.empty())));

        assertThat(recorded).isEqualTo(2);
        List<DeliveryAttempt> attempts = webhooks.attempts(webhook.id(), 100);
        assertThat(attempts)
                .extracting(DeliveryAttempt::eventId, DeliveryAttempt::statusCode, DeliveryAttempt::state)
                .containsExactlyInAnyOrder(
                        tuple(claimed.get(0).event().id(), 204, DeliveryState.DELIVERED),
                        tuple(claimed.get(1).event().id(), 0, DeliveryState.PENDING));
        assertThat(attempts)
                .filteredOn(a -> a.statusCode() == 0)
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.error()).contains(REFUSED.error());
                    assertThat(a.nextAttemptAt()).contains(next);
                });
        // the refused one is due again at its next attempt, as attempt 2; the taken-over one stays claimed
        assertThat(claim(next, Duration.ofSeconds(30))).singleElement().satisfies(d -> {
            assertThat(d.deliveryId()).isEqualTo(claimed.get(1).deliveryId());
            assertThat(d.attempt()).isEqualTo(2);
        });
        assertThat(deliveries.recordAll(List.of())).isZero();
    }

    @Test
    void concurrent_claims_never_take_the_same_delivery() throws Exception {
        register(owner, Webhook.allEventTypes());
        for (int i = 0; i < 40; i++) {
            place(owner);
        }
        Instant at = now();
        List<Callable<List<ClaimedDelivery>>> workers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            workers.add(() -> deliveries.claimDue(at, at.plusSeconds(30), 7));
        }

        List<Long> claimed = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (int round = 0; round < 3; round++) {
                for (Future<List<ClaimedDelivery>> result : threads.invokeAll(workers)) {
                    result.get().forEach(each -> claimed.add(each.deliveryId()));
                }
            }
        }

        assertThat(claimed).hasSize(40).doesNotHaveDuplicates();
    }

    @Test
    void a_deleted_webhook_takes_its_deliveries_and_a_claim_on_one_records_nothing() {
        Webhook webhook = register(owner, Webhook.allEventTypes());
        place(owner);
        ClaimedDelivery claimed = claim(now(), Duration.ofSeconds(30)).getFirst();

        assertThat(webhooks.delete(webhook.id(), new UserId(owner.value() + 1_000_000)))
                .isFalse();
        assertThat(webhooks.delete(webhook.id(), owner)).isTrue();

        assertThat(record(claimed, SendOutcome.answered(200), now(), DeliveryState.DELIVERED, Optional.empty()))
                .isFalse();
        assertThat(webhooks.findById(webhook.id())).isEmpty();
        assertThat(count("SELECT count(*) FROM webhook_deliveries WHERE webhook_id = " + webhook.id()))
                .isZero();
    }

    @Test
    void registrations_racing_for_the_last_places_never_exceed_the_limit() throws Exception {
        List<Callable<Boolean>> registrations = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            registrations.add(() -> database.transactions()
                    .inTransaction(() -> webhooks.addIfFewerThan(
                            new Webhook(
                                    webhooks.nextId(),
                                    owner,
                                    WebhookUrl.parse("https://hooks.example.com/race"),
                                    Webhook.allEventTypes(),
                                    WebhookSecret.generate(new SecureRandom()),
                                    T0),
                            Webhook.MAX_PER_USER)));
        }

        int stored = 0;
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (Future<Boolean> result : threads.invokeAll(registrations)) {
                stored += result.get() ? 1 : 0;
            }
        }

        assertThat(stored).isEqualTo(Webhook.MAX_PER_USER);
        assertThat(webhooks.findByOwner(owner)).hasSize(Webhook.MAX_PER_USER);
    }

    @Test
    void a_secret_is_stored_sealed_and_opens_only_with_the_same_key() {
        Webhook webhook = register(owner, EnumSet.of(OrderEventType.CREATED, OrderEventType.COMPLETED));

        assertThat(webhooks.findById(webhook.id())).contains(webhook);
        String stored = text("SELECT encode(secret_sealed, 'escape') FROM webhooks WHERE id = " + webhook.id());
        String keyBase64 = webhook.secret().value().substring(WebhookSecret.PREFIX.length());
        assertThat(stored).doesNotContain(keyBase64).doesNotContain(WebhookSecret.PREFIX);
        WebhookRepository otherKey =
                database.webhooks("another-secret-key-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> otherKey.findById(webhook.id())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_delivery_whose_secret_does_not_open_fails_at_once_and_does_not_hold_up_the_others() {
        Webhook readable = register(owner, Webhook.allEventTypes());
        WebhookDeliveries otherKey = database.webhookDeliveries(
                "another-secret-key-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8));
        place(owner);

        assertThat(otherKey.claimDue(now(), now().plusSeconds(30), 100)).isEmpty();

        List<DeliveryAttempt> attempts = webhooks.attempts(readable.id(), 100);
        assertThat(attempts).hasSize(1);
        assertThat(attempts.getFirst().state()).isEqualTo(DeliveryState.FAILED);
        assertThat(attempts.getFirst().error()).contains(JdbiWebhookDeliveries.UNREADABLE_SECRET);
        place(owner);
        assertThat(claim(now(), Duration.ofSeconds(30))).hasSize(1);
    }

    @Test
    void the_events_of_a_batch_written_by_one_statement_each_get_their_delivery() {
        register(owner, EnumSet.of(OrderEventType.PROCESSING));
        for (int i = 0; i < 5; i++) {
            place(owner);
        }

        List<?> moved = database.orders().applyToOldest(StatusChange.processingStart(T0.plusSeconds(60)), T0, 1_000);

        assertThat(moved).hasSizeGreaterThanOrEqualTo(5);
        // the batch moved the pending orders of the other tests' owners too: only this owner's count here
        assertThat(claim(now(), Duration.ofSeconds(30)))
                .filteredOn(each -> each.event().order().isOwnedBy(owner))
                .hasSize(5);
    }

    private static void execute(String sql) {
        try (Connection connection = TestDatabase.connect(settings);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String sql) {
        return Long.parseLong(text(sql));
    }

    private static String text(String sql) {
        try (Connection connection = TestDatabase.connect(settings);
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
