package com.acme.orders.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.port.IdempotencyKey;
import com.acme.orders.application.port.RecordedResponse;
import com.acme.orders.application.port.out.IdempotencyKeys.Claim;
import com.acme.orders.application.port.out.IdempotencyKeys.StoredKey;
import com.acme.orders.application.testing.Users;
import com.acme.orders.domain.order.Amount;
import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.order.ProductName;
import com.acme.orders.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    private Optional<Claim> claim(UserId by, String fingerprint, Instant at) {
        return keys().claim(by, key, fingerprint, at, at.minus(Duration.ofHours(24)), at.minus(Duration.ofMinutes(1)));
    }

    private Optional<Claim> claim(String fingerprint) {
        return keys().claim(owner, key, fingerprint, T0, EXPIRED_BEFORE, ABANDONED_BEFORE);
    }

    private Claim won(String fingerprint) {
        return claim(fingerprint).orElseThrow();
    }

    /** What the store holds for the owner's key now. */
    private Optional<StoredKey> stored() {
        return keys().find(owner, key);
    }

    private static StoredKey inFlight(String fingerprint) {
        return new StoredKey(fingerprint, Optional.empty());
    }

    private static StoredKey done(String fingerprint, RecordedResponse response) {
        return new StoredKey(fingerprint, Optional.of(response));
    }

    /** Places an order and completes the claim with its answer, in one transaction, as the service does. */
    private RecordedResponse placeAndComplete(Claim won) {
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
    void the_first_claim_of_a_key_is_won_and_stored_in_flight() {
        assertThat(claim(FINGERPRINT)).contains(new Claim(owner, key, T0));
        assertThat(stored()).contains(inFlight(FINGERPRINT));
    }

    @Test
    void an_unknown_key_is_not_stored() {
        assertThat(stored()).isEmpty();
    }

    @Test
    void a_second_claim_before_completion_gets_nothing_and_the_key_stays_in_flight() {
        claim(FINGERPRINT);

        assertThat(claim(FINGERPRINT)).isEmpty();
        assertThat(stored()).contains(inFlight(FINGERPRINT));
    }

    @Test
    void a_claim_with_another_fingerprint_gets_nothing_and_the_first_fingerprint_stays_in_flight_or_done() {
        Claim won = won(FINGERPRINT);
        assertThat(claim(OTHER_FINGERPRINT)).isEmpty();
        assertThat(stored()).contains(inFlight(FINGERPRINT));

        RecordedResponse response = placeAndComplete(won);

        assertThat(claim(OTHER_FINGERPRINT)).isEmpty();
        assertThat(stored()).contains(done(FINGERPRINT, response));
    }

    @Test
    void after_completion_the_key_holds_the_recorded_response_byte_for_byte() {
        RecordedResponse response = placeAndComplete(won(FINGERPRINT));

        assertThat(claim(FINGERPRINT)).isEmpty();
        assertThat(stored()).contains(done(FINGERPRINT, response));
    }

    @Test
    void keys_are_scoped_to_their_owner() {
        claim(FINGERPRINT);
        UserId other = newOwner();

        assertThat(claim(other, OTHER_FINGERPRINT, T0)).isPresent();
        assertThat(keys().find(other, key)).contains(inFlight(OTHER_FINGERPRINT));
        assertThat(stored()).contains(inFlight(FINGERPRINT));
    }

    @Test
    void a_completion_rolled_back_with_its_order_leaves_the_claim_in_flight() {
        Claim won = won(FINGERPRINT);

        try {
            transactions().inTransaction(() -> {
                placeAndComplete(won);
                throw new IllegalStateException("the transaction fails after the completion");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }

        assertThat(claim(FINGERPRINT)).isEmpty();
        assertThat(stored()).contains(inFlight(FINGERPRINT));
        keys().release(won);
        assertThat(claim(FINGERPRINT)).isPresent();
    }

    @Test
    void a_released_claim_frees_the_key_at_once() {
        Claim won = won(FINGERPRINT);

        keys().release(won);

        assertThat(stored()).isEmpty();
        assertThat(claim(OTHER_FINGERPRINT)).isPresent();
    }

    @Test
    void releasing_a_completed_claim_changes_nothing() {
        Claim won = won(FINGERPRINT);
        RecordedResponse response = placeAndComplete(won);

        keys().release(won);

        assertThat(stored()).contains(done(FINGERPRINT, response));
    }

    @Test
    void a_key_made_before_the_expiry_cutoff_is_claimed_anew_even_with_another_fingerprint() {
        placeAndComplete(won(FINGERPRINT));
        Instant dayLater = T0.plus(Duration.ofHours(24)).plusNanos(1000);

        assertThat(claim(owner, OTHER_FINGERPRINT, dayLater)).contains(new Claim(owner, key, dayLater));
        assertThat(stored()).contains(inFlight(OTHER_FINGERPRINT));
    }

    @Test
    void a_key_exactly_at_the_expiry_cutoff_is_still_kept() {
        RecordedResponse response = placeAndComplete(won(FINGERPRINT));

        assertThat(claim(owner, FINGERPRINT, T0.plus(Duration.ofHours(24)))).isEmpty();
        assertThat(stored()).contains(done(FINGERPRINT, response));
    }

    @Test
    void an_abandoned_claim_is_taken_over_and_can_no_longer_complete() {
        Claim abandoned = won(FINGERPRINT);
        Instant later = T0.plus(Duration.ofMinutes(2));

        Claim takeover = claim(owner, FINGERPRINT, later).orElseThrow();

        Order order = Order.place(orders().nextId(), owner, new ProductName("Laptop"), Amount.of("1.00"), T0);
        orders().add(order);
        assertThat(keys().complete(abandoned, new RecordedResponse(order.id(), 201, "{}")))
                .isFalse();
        keys().release(abandoned);
        assertThat(claim(owner, FINGERPRINT, later)).isEmpty();
        assertThat(stored()).contains(inFlight(FINGERPRINT));
        RecordedResponse response = placeAndComplete(takeover);
        assertThat(claim(owner, FINGERPRINT, later)).isEmpty();
        assertThat(stored()).contains(done(FINGERPRINT, response));
    }

    @Test
    void a_recent_unfinished_claim_is_not_taken_over() {
        claim(FINGERPRINT);

        assertThat(claim(owner, FINGERPRINT, T0.plus(Duration.ofSeconds(59)))).isEmpty();
        assertThat(stored()).contains(inFlight(FINGERPRINT));
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
                .isEmpty();
        assertThat(stored()).contains(inFlight(FINGERPRINT));
    }

    @Test
    void of_many_concurrent_claims_of_one_key_exactly_one_is_won() throws Exception {
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Optional<Claim>>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Optional<Claim>> attempt = () -> {
                    start.await();
                    return claim(FINGERPRINT);
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            List<Optional<Claim>> claims = new ArrayList<>();
            for (Future<Optional<Claim>> result : results) {
                claims.add(result.get(30, TimeUnit.SECONDS));
            }

            assertThat(claims).filteredOn(Optional::isPresent).hasSize(1);
            assertThat(claims).filteredOn(Optional::isEmpty).hasSize(threads - 1);
            assertThat(stored()).contains(inFlight(FINGERPRINT));
        } finally {
            pool.shutdownNow();
        }
    }
}
