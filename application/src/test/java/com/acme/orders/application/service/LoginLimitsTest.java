package com.acme.orders.application.service;

import static com.acme.orders.application.testing.Users.ALICE_EMAIL;
import static com.acme.orders.application.testing.Users.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.application.port.in.account.ClientAddress;
import com.acme.orders.application.port.in.account.InvalidCredentialsException;
import com.acme.orders.application.port.in.account.TooManyAttemptsException;
import com.acme.orders.application.port.out.StorageUnavailableException;
import com.acme.orders.application.testing.FakePasswordHasher;
import com.acme.orders.application.testing.InMemoryAttemptLimiter;
import com.acme.orders.application.testing.InMemoryStore;
import com.acme.orders.application.testing.MutableClock;
import com.acme.orders.application.testing.Users;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The log-in limits as the use cases apply them: per client address, and failed log-ins per account. */
class LoginLimitsTest {

    private static final ClientAddress OTHER_CLIENT = new ClientAddress("2001:db8::7");

    private final InMemoryStore store = new InMemoryStore();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final MutableClock clock = MutableClock.atDefaultStart();
    private final InMemoryAttemptLimiter limiter = new InMemoryAttemptLimiter(clock);

    private UserService service(int perAddress, int failuresPerAccount) {
        return new UserService(
                store.users(),
                store.refreshTokens(),
                store.transactions(),
                hasher,
                SessionSettings.DEFAULTS,
                new LoginLimits(
                        limiter, new LoginLimitSettings(perAddress, failuresPerAccount, Duration.ofMinutes(15))),
                clock);
    }

    @Test
    void registrations_and_log_ins_share_the_allowance_of_an_address_and_the_next_is_refused_before_any_hashing() {
        UserService service = service(3, 1_000);
        service.register(Users.aliceCommand());
        service.logIn(Users.logIn(ALICE_EMAIL, ALICE_PASSWORD));
        assertThatThrownBy(() -> service.logIn(Users.logIn(ALICE_EMAIL, "wrong-password")))
                .isInstanceOf(InvalidCredentialsException.class);
        int hashesBefore = hasher.hashCalls();
        int checksBefore = hasher.matchesCalls();

        assertThatThrownBy(() -> service.register(Users.bobCommand()))
                .isInstanceOfSatisfying(TooManyAttemptsException.class, refused -> {
                    assertThat(refused.getMessage()).contains("from this address");
                    assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20));
                });
        assertThatThrownBy(() -> service.logIn(Users.logIn(ALICE_EMAIL, ALICE_PASSWORD)))
                .isInstanceOf(TooManyAttemptsException.class);
        assertThat(hasher.hashCalls()).isEqualTo(hashesBefore);
        assertThat(hasher.matchesCalls()).isEqualTo(checksBefore);
        assertThat(service.logIn(Users.logIn(ALICE_EMAIL, ALICE_PASSWORD, OTHER_CLIENT)))
                .as("another address has its own allowance")
                .isNotNull();
    }

    @Test
    void an_address_gets_one_request_back_every_minute_divided_by_the_limit() {
        UserService service = service(3, 1_000);
        service.register(Users.aliceCommand());
        for (int i = 0; i < 2; i++) {
            service.logIn(Users.logIn(ALICE_EMAIL, ALICE_PASSWORD));
        }
        assertThatThrownBy(() -> service.logIn(Users.logIn(ALICE_EMAIL, ALICE_PASSWORD)))
                .isInstanceOf(TooManyAttemptsException.class);

        clock.advance(Duration.ofSeconds(20));

        assertThat(service.logIn(Users.logIn(ALICE_EMAIL, ALICE_PASSWORD))).isNotNull();
    }

    @Test
    void past_the_failures_of_an_account_even_the_right_password_is_refused_whatever_the_case_of_the_email() {
        UserService service = service(100_000, 3);
        service.register(Users.aliceCommand());
        service.register(Users.bobCommand());
        String shouted = ALICE_EMAIL.toUpperCase(Locale.ROOT);
        for (String email : new String[] {ALICE_EMAIL, shouted, ALICE_EMAIL}) {
            assertThatThrownBy(() -> service.logIn(Users.logIn(email, "wrong-password", OTHER_CLIENT)))
                    .isInstanceOf(InvalidCredentialsException.class);
        }

        assertThatThrownBy(() -> service.logIn(Users.logIn(ALICE_EMAIL, ALICE_PASSWORD)))
                .isInstanceOfSatisfying(TooManyAttemptsException.class, refused -> {
                    assertThat(refused.getMessage()).contains("for this account");
                    assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5));
                });
        assertThat(service.logIn(Users.logIn(Users.BOB_EMAIL, Users.BOB_PASSWORD)))
                .as("another account")
                .isNotNull();
    }

    @Test
    void a_successful_log_in_clears_the_failures_of_the_account() {
        UserService service = service(100_000, 3);
        service.register(Users.aliceCommand());
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> service.logIn(Users.logIn(ALICE_EMAIL, "wrong-password")))
                        .isInstanceOf(InvalidCredentialsException.class);
            }
            assertThat(service.logIn(Users.logIn(ALICE_EMAIL, ALICE_PASSWORD)))
                    .as("round %d", round)
                    .isNotNull();
        }
    }

    @Test
    void an_unknown_email_is_counted_as_a_known_one_is() {
        UserService service = service(100_000, 2);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> service.logIn(Users.logIn("nobody@example.com", "wrong-password")))
                    .isInstanceOf(InvalidCredentialsException.class);
        }

        assertThatThrownBy(() -> service.logIn(Users.logIn("nobody@example.com", "wrong-password")))
                .isInstanceOf(TooManyAttemptsException.class);
    }

    @Test
    void a_limiter_that_cannot_be_reached_fails_the_log_in_closed_without_checking_the_password() {
        UserService service = service(100_000, 1_000);
        service.register(Users.aliceCommand());
        int checksBefore = hasher.matchesCalls();
        limiter.failWith(new StorageUnavailableException("the database cannot be reached", null));

        assertThatThrownBy(() -> service.logIn(Users.logIn(ALICE_EMAIL, ALICE_PASSWORD)))
                .isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> service.register(Users.bobCommand())).isInstanceOf(StorageUnavailableException.class);
        assertThat(hasher.matchesCalls()).isEqualTo(checksBefore);
    }
}
