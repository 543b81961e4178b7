package com.acme.orders.application.service;

import static com.acme.orders.application.testing.Users.ALICE_EMAIL;
import static com.acme.orders.application.testing.Users.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.application.port.in.account.InvalidCredentialsException;
import com.acme.orders.application.testing.FakePasswordHasher;
import com.acme.orders.application.testing.InMemoryStore;
import com.acme.orders.application.testing.MutableClock;
import com.acme.orders.application.testing.Throttling;
import com.acme.orders.application.testing.Users;
import com.acme.orders.domain.user.Email;
import com.acme.orders.domain.user.EmailAlreadyRegisteredException;
import com.acme.orders.domain.user.Password;
import com.acme.orders.domain.user.User;
import com.acme.orders.domain.user.UserName;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserServiceTest {

    private final InMemoryStore store = new InMemoryStore();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-24T10:00:00.123456789Z"));
    private final UserService service = new UserService(
            store.users(),
            store.refreshTokens(),
            store.transactions(),
            hasher,
            SessionSettings.DEFAULTS,
            Throttling.unthrottled(clock),
            clock);

    @Test
    void register_stores_the_user_with_a_hash_of_the_password_not_the_password() {
        User user = service.register(Users.aliceCommand());

        assertThat(store.users().findById(user.id())).contains(user);
        assertThat(user.name()).isEqualTo(new UserName("Alice Example"));
        assertThat(user.email()).isEqualTo(new Email(ALICE_EMAIL));
        assertThat(user.passwordHash()).isEqualTo(FakePasswordHasher.hashOf(new Password(ALICE_PASSWORD)));
        assertThat(user.passwordHash().value()).doesNotContain(ALICE_PASSWORD);
        assertThat(hasher.hashCalls()).isOne();
    }

    @Test
    void registration_is_stamped_with_the_clock_truncated_to_microseconds() {
        User user = service.register(Users.aliceCommand());

        assertThat(user.createdAt()).isEqualTo(Instant.parse("2026-11-24T10:00:00.123456Z"));
    }

    @Test
    void two_users_get_different_ids() {
        User alice = service.register(Users.aliceCommand());
        User bob = service.register(Users.bobCommand());

        assertThat(alice.id()).isNotEqualTo(bob.id());
    }

    @Test
    void a_second_registration_of_an_email_in_another_case_is_refused_without_hashing_again() {
        service.register(Users.aliceCommand());

        assertThatThrownBy(() ->
                        service.register(Users.registration("Other Alice", "ALICE@Example.COM", "another password")))
                .isInstanceOf(EmailAlreadyRegisteredException.class);
        assertThat(hasher.hashCalls()).isOne();
    }

    @Test
    void log_in_with_the_right_password_returns_the_user() {
        User alice = service.register(Users.aliceCommand());

        assertThat(service.logIn(Users.logIn(ALICE_EMAIL, ALICE_PASSWORD)).user())
                .isEqualTo(alice);
    }

    @Test
    void log_in_finds_the_user_whatever_the_case_of_the_email() {
        User alice = service.register(Users.aliceCommand());

        assertThat(service.logIn(Users.logIn("Alice@EXAMPLE.com", ALICE_PASSWORD))
                        .user())
                .isEqualTo(alice);
    }

    @Test
    void log_in_with_a_wrong_password_is_refused() {
        service.register(Users.aliceCommand());

        assertThatThrownBy(() -> service.logIn(Users.logIn(ALICE_EMAIL, "wrong password")))
                .isInstanceOf(InvalidCredentialsException.class);
        assertThat(hasher.matchesCalls()).isOne();
    }

    @Test
    void log_in_with_an_unknown_email_is_refused_after_checking_the_password_against_the_decoy() {
        service.register(Users.aliceCommand());

        assertThatThrownBy(() -> service.logIn(Users.logIn("nobody@example.com", ALICE_PASSWORD)))
                .isInstanceOf(InvalidCredentialsException.class);
        assertThat(hasher.matchedAgainst()).containsExactly(hasher.decoy());
    }

    @Test
    void an_unknown_email_and_a_wrong_password_are_refused_alike() {
        service.register(Users.aliceCommand());

        Throwable unknownEmail = catchRefusal("nobody@example.com", ALICE_PASSWORD);
        Throwable wrongPassword = catchRefusal(ALICE_EMAIL, "wrong password");

        assertThat(unknownEmail).isExactlyInstanceOf(wrongPassword.getClass()).hasMessage(wrongPassword.getMessage());
        assertThat(hasher.matchesCalls()).isEqualTo(2);
    }

    private Throwable catchRefusal(String email, String password) {
        try {
            service.logIn(Users.logIn(email, password));
        } catch (InvalidCredentialsException e) {
            return e;
        }
        throw new AssertionError("log-in was not refused");
    }

    @Test
    void a_token_version_is_current_until_the_user_revokes_it() {
        com.acme.orders.domain.user.User alice = service.register(Users.aliceCommand());

        assertThat(service.isCurrent(alice.id(), 0)).isTrue();
        store.users().revokeTokens(alice.id());
        assertThat(service.isCurrent(alice.id(), 0)).isFalse();
        assertThat(service.isCurrent(alice.id(), 1)).isTrue();
    }

    @Test
    void no_token_is_current_for_a_user_that_does_not_exist() {
        assertThat(service.isCurrent(new com.acme.orders.domain.user.UserId(424242), 0))
                .isFalse();
    }
}
