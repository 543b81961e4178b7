package com.acme.orders.application.service;

import static com.acme.orders.application.testing.Users.ALICE_EMAIL;
import static com.acme.orders.application.testing.Users.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.application.port.in.account.InvalidRefreshTokenException;
import com.acme.orders.application.port.in.account.RefreshToken;
import com.acme.orders.application.port.in.account.Session;
import com.acme.orders.application.port.out.RefreshTokenHash;
import com.acme.orders.application.testing.FakePasswordHasher;
import com.acme.orders.application.testing.InMemoryStore;
import com.acme.orders.application.testing.MutableClock;
import com.acme.orders.application.testing.Throttling;
import com.acme.orders.application.testing.Users;
import com.acme.orders.domain.user.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Refresh token families: issue at log-in, rotation, reuse detection, expiry, log-out. */
class SessionsTest {

    private static final Duration LIFETIME = Duration.ofDays(14);

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = MutableClock.atDefaultStart();
    private final UserService service = new UserService(
            store.users(),
            store.refreshTokens(),
            store.transactions(),
            new FakePasswordHasher(),
            new SessionSettings(LIFETIME),
            Throttling.unthrottled(clock),
            clock);
    private final User alice = service.register(Users.aliceCommand());

    private Session logIn() {
        return service.logIn(Users.logIn(ALICE_EMAIL, ALICE_PASSWORD));
    }

    private int aliceTokenVersion() {
        return store.users().findById(alice.id()).orElseThrow().tokenVersion();
    }

    @Test
    void log_in_gives_a_refresh_token_of_256_random_bits_stored_only_as_its_hash() {
        Session session = logIn();

        assertThat(session.refreshToken().value()).matches(Pattern.compile("[A-Za-z0-9_-]{43}"));
        assertThat(logIn().refreshToken()).isNotEqualTo(session.refreshToken());
        assertThat(store.transactions()
                        .inTransaction(() -> store.refreshTokens()
                                .lock(RefreshTokenHash.of(session.refreshToken().value()))))
                .isPresent();
        assertThat(store.transactions()
                        .inTransaction(() -> store.refreshTokens()
                                .lock(new RefreshTokenHash(RefreshTokenHash.of(
                                                session.refreshToken().value())
                                        .hex()))))
                .isPresent();
    }

    @Test
    void a_refresh_spends_the_token_and_returns_the_user_with_a_new_one() {
        Session first = logIn();

        Session second = service.refresh(first.refreshToken());

        assertThat(second.user()).isEqualTo(alice);
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(service.refresh(second.refreshToken()).user()).isEqualTo(alice);
    }

    @Test
    void a_spent_token_presented_again_revokes_its_family_and_the_users_access_tokens() {
        Session first = logIn();
        Session second = service.refresh(first.refreshToken());
        Session otherDevice = logIn();
        int versionBefore = aliceTokenVersion();

        assertThatThrownBy(() -> service.refresh(first.refreshToken()))
                .isInstanceOf(InvalidRefreshTokenException.class);

        assertThat(aliceTokenVersion()).isEqualTo(versionBefore + 1);
        assertThatThrownBy(() -> service.refresh(second.refreshToken()))
                .as("the thief's or the owner's successor: the whole family is revoked")
                .isInstanceOf(InvalidRefreshTokenException.class);
        assertThat(service.refresh(otherDevice.refreshToken()).user().tokenVersion())
                .as("another family lives on, and its new access tokens carry the new version")
                .isEqualTo(versionBefore + 1);
    }

    @Test
    void an_unknown_token_is_refused_and_revokes_nothing() {
        logIn();

        assertThatThrownBy(() -> service.refresh(new RefreshToken("not-a-token-of-ours")))
                .isInstanceOf(InvalidRefreshTokenException.class);
        assertThat(aliceTokenVersion()).isZero();
    }

    @Test
    void the_family_expires_its_lifetime_after_log_in_however_often_it_is_rotated() {
        Session session = logIn();
        for (int day = 0; day < 13; day++) {
            clock.advance(Duration.ofDays(1));
            session = service.refresh(session.refreshToken());
        }
        clock.advance(Duration.ofDays(1).minusMillis(1));
        Session lastBeforeExpiry = service.refresh(session.refreshToken());

        clock.advance(Duration.ofMillis(1));

        assertThatThrownBy(() -> service.refresh(lastBeforeExpiry.refreshToken()))
                .isInstanceOf(InvalidRefreshTokenException.class);
        assertThat(aliceTokenVersion()).as("expiry is no theft").isZero();
    }

    @Test
    void log_out_revokes_every_family_and_access_token_of_the_user_only() {
        Session one = logIn();
        Session two = logIn();
        User bob = service.register(Users.bobCommand());
        Session bobs = service.logIn(Users.logIn(Users.BOB_EMAIL, Users.BOB_PASSWORD));

        service.logOut(alice.id());

        assertThat(aliceTokenVersion()).isOne();
        assertThatThrownBy(() -> service.refresh(one.refreshToken())).isInstanceOf(InvalidRefreshTokenException.class);
        assertThatThrownBy(() -> service.refresh(two.refreshToken())).isInstanceOf(InvalidRefreshTokenException.class);
        assertThat(service.refresh(bobs.refreshToken()).user().id()).isEqualTo(bob.id());
        assertThat(aliceTokenVersion())
                .as("a revoked family presented is no reuse")
                .isOne();
    }

    @Test
    void of_concurrent_refreshes_with_one_token_exactly_one_succeeds() throws Exception {
        RefreshToken token = logIn().refreshToken();
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(() -> {
                try {
                    service.refresh(token);
                    return true;
                } catch (InvalidRefreshTokenException e) {
                    return false;
                }
            });
        }
        List<Boolean> outcomes = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (Future<Boolean> outcome : threads.invokeAll(attempts)) {
                outcomes.add(outcome.get());
            }
        }

        assertThat(outcomes).containsOnlyOnce(true);
    }

    @Test
    void the_current_user_is_the_stored_one() {
        assertThat(service.currentUser(alice.id())).contains(alice);
        assertThat(service.currentUser(new com.acme.orders.domain.user.UserId(424242)))
                .isEmpty();
    }

    @Test
    void expired_families_are_removed_with_their_tokens() {
        logIn();
        clock.advance(LIFETIME.plusSeconds(1));
        Session live = logIn();

        assertThat(store.refreshTokens().removeExpired(clock.instant(), 100)).isOne();
        assertThat(store.refreshTokens().size()).isOne();
        assertThat(service.refresh(live.refreshToken()).user()).isEqualTo(alice);
    }
}
