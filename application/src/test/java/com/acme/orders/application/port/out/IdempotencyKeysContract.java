package com.acme.orders.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.port.in.IdempotencyKey;
import com.acme.orders.application.port.in.RecordedResponse;
import com.acme.orders.application.port.out.IdempotencyKeys.Claim;
import com.acme.orders.application.testing.Users;
import com.acme.orders.domain.order.Amount;
import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.order.ProductName;
import com.acme.orders.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IdempotencyKeys} promises. Run against the in-memory fake and against PostgreSQL. Each test uses
 * fresh users and keys, so implementations may share state between tests, except the expiry cleanup test, which
 * uses times far in the past that no other test uses.
 */
public abstract class IdempotencyKeysContract {

    protected abstract IdempotencyKeys keys();

    protected abstract OrderRepository orders();

    protected abstract UserRepository users();

    protected abstract TransactionRunner transactions();

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00.123456Z");
    private static final Instant EXPIRED_BEFORE = T0.minus(Duration.ofHours(24));
    private static final Instant ABANDONED_BEFORE = T0.minus(Duration.ofMinutes(1));
    private static final String FINGERPRINT = "a".repeat(64);
    private static final String OTHER_FINGERPRINT = "b".repeat(64);

    private UserId owner;
    private IdempotencyKey key;

    @BeforeEach
    void createOwnerAndKey() {
        owner = newOwner();
        key = new IdempotencyKey("key-" + UUID.randomUUID());
    }

    private UserId newOwner() {
        return Users.stored(users(), "owner-" + UUID.randomUUID() + "@example.com")
                .id();
    }

    private Claim claim(UserId by, String fingerprint, Instant at) {
        return keys().claim(by, key, fingerprint, at, at.minus(Duration.ofHours(24)), at.minus(Duration.ofMinutes(1)));
    }

    private Claim claim(String fingerprint) {
        return keys().claim(owner, key, fingerprint, T0, EXPIRED_BEFORE, ABANDONED_BEFORE);
    }

    /** Places an order and completes the claim with its answer, in one transaction, as the service does. */
    private RecordedResponse placeAndComplete(Claim.Won won) {
        return transactions().inTransaction(() -> {
            Order order = Order.place(
                    orders().nextId(), won.owner(), new ProductName("Laptop"), Amount.of("999.99"), won.claimedAt());
            orders().add(order);
            RecordedResponse response = new RecordedResponse(
                    order.id(), 201, "{\"id\":" + order.id().value() + "}");
            assertThat(keys().complete(won, response)).isTrue();
            return response;
        });
    }

    @Test
    void the_first_claim_of_a_key_is_won() {
        assertThat(claim(FINGERPRINT)).isEqualTo(new Claim.Won(owner, key, T0));
    }

    @Test
    void a_second_claim_with_the_same_fingerprint_before_completion_is_in_flight() {
        claim(FINGERPRINT);

        assertThat(claim(FINGERPRINT)).isInstanceOf(Claim.InFlight.class);
    }

    @Test
    void a_claim_with_another_fingerprint_is_a_different_request_in_flight_or_done() {
        Claim.Won won = (Claim.Won) claim(FINGERPRINT);
        assertThat(claim(OTHER_FINGERPRINT)).isInstanceOf(Claim.DifferentRequest.class);

        placeAndComplete(won);

        assertThat(claim(OTHER_FINGERPRINT)).isInstanceOf(Claim.DifferentRequest.class);
    }

    @Test
    void after_completion_a_claim_replays_the_recorded_response_byte_for_byte() {
        RecordedResponse response = placeAndComplete((Claim.Won) claim(FINGERPRINT));

        assertThat(claim(FINGERPRINT)).isEqualTo(new Claim.Replay(response));
    }

    @Test
    void keys_are_scoped_to_their_owner() {
        claim(FINGERPRINT);
        UserId other = newOwner();

        assertThat(claim(other, OTHER_FINGERPRINT, T0)).isInstanceOf(Claim.Won.class);
    }

    @Test
    void a_completion_rolled_back_with_its_order_leaves_the_claim_in_flight() {
        Claim.Won won = (Claim.Won) claim(FINGERPRINT);

        try {
            transactions().inTransaction(() -> {
                placeAndComplete(won);
                throw new IllegalStateException("the transaction fails after the completion");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }

        assertThat(claim(FINGERPRINT)).isInstanceOf(Claim.InFlight.class);
        keys().release(won);
        assertThat(claim(FINGERPRINT)).isInstanceOf(Claim.Won.class);
    }

    @Test
    void a_released_claim_frees_the_key_at_once() {
        Claim.Won won = (Claim.Won) claim(FINGERPRINT);

        keys().release(won);

        assertThat(claim(OTHER_FINGERPRINT)).isInstanceOf(Claim.Won.class);
    }

    @Test
    void releasing_a_completed_claim_changes_nothing() {
        Claim.Won won = (Claim.Won) claim(FINGERPRINT);
        RecordedResponse response = placeAndComplete(won);

        keys().release(won);

        assertThat(claim(FINGERPRINT)).isEqualTo(new Claim.Replay(response));
    }

    @Test
    void a_key_made_before_the_expiry_cutoff_is_claimed_anew_even_with_another_fingerprint() {
        placeAndComplete((Claim.Won) claim(FINGERPRINT));
        Instant dayLater = T0.plus(Duration.ofHours(24)).plusNanos(1000);

        assertThat(claim(owner, OTHER_FINGERPRINT, dayLater)).isEqualTo(new Claim.Won(owner, key, dayLater));
    }

    @Test
    void a_key_exactly_at_the_expiry_cutoff_is_still_kept() {
        RecordedResponse response = placeAndComplete((Claim.Won) claim(FINGERPRINT));

        assertThat(claim(owner, FINGERPRINT, T0.plus(Duration.ofHours(24)))).isEqualTo(new Claim.Replay(response));
    }

    @Test
    void an_abandoned_claim_is_taken_over_and_can_no_longer_complete() {
        Claim.Won abandoned = (Claim.Won) claim(FINGERPRINT);
        Instant later = T0.plus(Duration.ofMinutes(2));

        Claim.Won takeover = (Claim.Won) claim(owner, FINGERPRINT, later);

        Order order = Order.place(orders().nextId(), owner, new ProductName("Laptop"), Amount.of("1.00"), T0);
        orders().add(order);
        assertThat(keys().complete(abandoned, new RecordedResponse(order.id(), 201, "{}")))
                .isFalse();
        keys().release(abandoned);
        assertThat(claim(owner, FINGERPRINT, later)).isInstanceOf(Claim.InFlight.class);
        RecordedResponse response = placeAndComplete(takeover);
        assertThat(claim(owner, FINGERPRINT, later)).isEqualTo(new Claim.Replay(response));
    }

    @Test
    void a_recent_unfinished_claim_is_not_taken_over() {
        claim(FINGERPRINT);

        assertThat(claim(owner, FINGERPRINT, T0.plus(Duration.ofSeconds(59)))).isInstanceOf(Claim.InFlight.class);
    }

    @Test
    void delete_expired_removes_at_most_the_limit_of_keys_made_before_the_cutoff() {
        Instant longAgo = Instant.parse("2001-01-01T00:00:00Z");
        for (int i = 0; i < 3; i++) {
            keys().claim(
                            owner,
                            new IdempotencyKey("old-" + i + "-" + UUID.randomUUID()),
                            FINGERPRINT,
                            longAgo.plusSeconds(i),
                            Instant.EPOCH,
                            Instant.EPOCH);
        }
        keys().claim(owner, key, FINGERPRINT, longAgo.plusSeconds(10), Instant.EPOCH, Instant.EPOCH);

        assertThat(keys().deleteExpired(longAgo.plusSeconds(10), 2)).isEqualTo(2);
        assertThat(keys().deleteExpired(longAgo.plusSeconds(10), 2)).isEqualTo(1);
        assertThat(keys().deleteExpired(longAgo.plusSeconds(10), 2)).isZero();
        assertThat(keys().claim(owner, key, OTHER_FINGERPRINT, longAgo.plusSeconds(11), Instant.EPOCH, Instant.EPOCH))
                .isInstanceOf(Claim.DifferentRequest.class);
    }

    @Test
    void of_many_concurrent_claims_of_one_key_exactly_one_is_won() throws Exception {
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Claim>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Claim> attempt = () -> {
                    start.await();
                    return claim(FINGERPRINT);
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            List<Claim> claims = new ArrayList<>();
            for (Future<Claim> result : results) {
                claims.add(result.get(30, TimeUnit.SECONDS));
            }

            assertThat(claims).filteredOn(Claim.Won.class::isInstance).hasSize(1);
            assertThat(claims).filteredOn(Claim.InFlight.class::isInstance).hasSize(threads - 1);
        } finally {
            pool.shutdownNow();
        }
    }
}
