package com.acme.orders.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.domain.user.Email;
import com.acme.orders.domain.user.PasswordHash;
import com.acme.orders.domain.user.User;
import com.acme.orders.domain.user.UserName;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RefreshTokens} promises. Run against the in-memory fake and against PostgreSQL; each test makes
 * its own users and tokens, so implementations may share state between tests.
 */
public abstract class RefreshTokensContract {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    protected abstract RefreshTokens tokens();

    protected abstract UserRepository users();

    protected abstract TransactionRunner transactions();

    private User newUser() {
        User user = new User(
                users().nextId(),
                new UserName("Alice Example"),
                new Email("user-" + UUID.randomUUID() + "@example.com"),
                new PasswordHash("$2a$04$abcdefghijklmnopqrstuu5hZ0Q6rE6pC9M1mB0QwJ6W8wq9y0nq2"),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        users().add(user);
        return user;
    }

    private static RefreshTokenHash newHash() {
        return RefreshTokenHash.of(UUID.randomUUID().toString());
    }

    private RefreshTokenFamily startFamily(User user, RefreshTokenHash first, Instant expiresAt) {
        RefreshTokenFamily family = new RefreshTokenFamily(UUID.randomUUID(), user.id(), expiresAt);
        tokens().startFamily(family, first, NOW);
        return family;
    }

    private Optional<StoredRefreshToken> find(RefreshTokenHash hash) {
        return transactions().inTransaction(() -> tokens().lock(hash));
    }

    @Test
    void a_new_familys_first_token_is_found_unspent_with_its_family() {
        RefreshTokenHash first = newHash();
        RefreshTokenFamily family = startFamily(newUser(), first, NOW.plus(14, ChronoUnit.DAYS));

        assertThat(find(first)).contains(new StoredRefreshToken(first, family, false, false));
    }

    @Test
    void an_unknown_hash_is_not_found() {
        assertThat(find(newHash())).isEmpty();
    }

    @Test
    void a_spent_token_stays_stored_as_spent_and_its_successor_shares_the_family() {
        RefreshTokenHash first = newHash();
        RefreshTokenFamily family = startFamily(newUser(), first, NOW.plus(1, ChronoUnit.DAYS));
        RefreshTokenHash second = newHash();

        tokens().markSpent(first, NOW);
        tokens().addToFamily(family.id(), second, NOW);

        assertThat(find(first)).contains(new StoredRefreshToken(first, family, true, false));
        assertThat(find(second)).contains(new StoredRefreshToken(second, family, false, false));
    }

    @Test
    void revoking_a_family_revokes_each_of_its_tokens_and_no_other_family() {
        User user = newUser();
        RefreshTokenHash first = newHash();
        RefreshTokenFamily family = startFamily(user, first, NOW.plus(1, ChronoUnit.DAYS));
        RefreshTokenHash second = newHash();
        tokens().addToFamily(family.id(), second, NOW);
        RefreshTokenHash other = newHash();
        startFamily(user, other, NOW.plus(1, ChronoUnit.DAYS));

        tokens().revokeFamily(family.id(), NOW);

        assertThat(find(first).orElseThrow().familyRevoked()).isTrue();
        assertThat(find(second).orElseThrow().familyRevoked()).isTrue();
        assertThat(find(other).orElseThrow().familyRevoked()).isFalse();
    }

    @Test
    void revoking_a_user_revokes_all_the_users_families_and_no_one_elses() {
        User alice = newUser();
        RefreshTokenHash one = newHash();
        RefreshTokenHash two = newHash();
        startFamily(alice, one, NOW.plus(1, ChronoUnit.DAYS));
        startFamily(alice, two, NOW.plus(1, ChronoUnit.DAYS));
        RefreshTokenHash bobs = newHash();
        startFamily(newUser(), bobs, NOW.plus(1, ChronoUnit.DAYS));

        tokens().revokeAllOf(alice.id(), NOW);

        assertThat(find(one).orElseThrow().familyRevoked()).isTrue();
        assertThat(find(two).orElseThrow().familyRevoked()).isTrue();
        assertThat(find(bobs).orElseThrow().familyRevoked()).isFalse();
    }

    @Test
    void removing_expired_families_deletes_them_with_their_tokens_in_batches_and_keeps_the_rest() {
        User user = newUser();
        // far in the past, so that the other tests' families (expiring after NOW) are never among them
        Instant longAgo = Instant.parse("2001-01-01T00:00:00Z");
        RefreshTokenHash expiredOne = newHash();
        RefreshTokenFamily family = startFamily(user, expiredOne, longAgo);
        RefreshTokenHash expiredTwo = newHash();
        tokens().addToFamily(family.id(), expiredTwo, NOW);
        RefreshTokenHash expiredThree = newHash();
        startFamily(user, expiredThree, longAgo.plusSeconds(1));
        RefreshTokenHash live = newHash();
        startFamily(user, live, longAgo.plus(1, ChronoUnit.DAYS));
        Instant cutoff = longAgo.plus(1, ChronoUnit.HOURS);

        assertThat(tokens().removeExpired(cutoff, 1)).isEqualTo(1);
        assertThat(find(expiredOne)).isEmpty();
        assertThat(find(expiredTwo)).isEmpty();
        assertThat(find(expiredThree)).isPresent();

        assertThat(tokens().removeExpired(cutoff, 10)).isEqualTo(1);
        assertThat(tokens().removeExpired(cutoff, 10)).isZero();
        assertThat(find(expiredThree)).isEmpty();
        assertThat(find(live)).isPresent();
    }

    @Test
    void a_locked_token_is_seen_by_a_concurrent_lock_only_after_the_holders_transaction_ends() throws Exception {
        RefreshTokenHash hash = newHash();
        startFamily(newUser(), hash, NOW.plus(1, ChronoUnit.DAYS));
        CountDownLatch locked = new CountDownLatch(1);

        CompletableFuture<Void> holder =
                CompletableFuture.runAsync(() -> transactions().inTransaction(() -> {
                    tokens().lock(hash);
                    locked.countDown();
                    sleep(300);
                    tokens().markSpent(hash, NOW);
                    return null;
                }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<StoredRefreshToken> second =
                CompletableFuture.supplyAsync(() -> find(hash).orElseThrow());

        assertThat(second.get(10, TimeUnit.SECONDS).spent())
                .as("the second lock waited for the first transaction and saw its change")
                .isTrue();
        holder.get(10, TimeUnit.SECONDS);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
