package com.acme.orders.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.domain.user.Email;
import com.acme.orders.domain.user.EmailAlreadyRegisteredException;
import com.acme.orders.domain.user.PasswordHash;
import com.acme.orders.domain.user.User;
import com.acme.orders.domain.user.UserName;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UserRepository} promises. Run against the in-memory fake and against PostgreSQL; each test
 * makes its own users with unique emails, so implementations may share state between tests.
 */
public abstract class UserRepositoryContract {

    protected abstract UserRepository users();

    protected static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    protected User newUser(String email) {
        return new User(
                users().nextId(),
                new UserName("Alice Example"),
                new Email(email),
                new PasswordHash("$2a$04$abcdefghijklmnopqrstuu5hZ0Q6rE6pC9M1mB0QwJ6W8wq9y0nq2"),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void an_added_user_is_found_by_id_and_by_email() {
        User user = newUser(uniqueEmail());
        users().add(user);

        assertThat(users().findById(user.id())).contains(user);
        assertThat(users().findByEmail(user.email())).contains(user);
    }

    @Test
    void emails_are_found_whatever_their_case() {
        String email = uniqueEmail();
        User user = newUser(email);
        users().add(user);

        assertThat(users().findByEmail(new Email(email.toUpperCase(Locale.ROOT))))
                .contains(user);
    }

    @Test
    void a_second_user_with_the_same_email_in_another_case_is_refused() {
        String email = uniqueEmail();
        users().add(newUser(email));

        assertThatThrownBy(() -> users().add(newUser(email.toUpperCase(Locale.ROOT))))
                .isInstanceOf(EmailAlreadyRegisteredException.class);
    }

    @Test
    void of_concurrent_registrations_of_one_email_exactly_one_is_stored() throws Exception {
        String email = uniqueEmail();
        int racers = 8;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
        try (java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                User user = newUser(i % 2 == 0 ? email : email.toUpperCase(Locale.ROOT));
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        users().add(user);
                        return true;
                    } catch (EmailAlreadyRegisteredException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int stored = 0;
            for (java.util.concurrent.Future<Boolean> result : results) {
                stored += result.get() ? 1 : 0;
            }
            assertThat(stored).isEqualTo(1);
        }
    }

    @Test
    void a_new_user_starts_at_token_version_0_and_revoking_raises_it() {
        User user = newUser(uniqueEmail());
        users().add(user);

        users().revokeTokens(user.id());
        users().revokeTokens(user.id());

        User stored = users().findById(user.id()).orElseThrow();
        assertThat(user.tokenVersion()).isZero();
        assertThat(stored.tokenVersion()).isEqualTo(2);
        assertThat(stored.acceptsTokenVersion(0)).isFalse();
        assertThat(stored.acceptsTokenVersion(2)).isTrue();
        assertThat(users().findByEmail(user.email()).orElseThrow().tokenVersion())
                .isEqualTo(2);
    }

    @Test
    void the_token_version_alone_follows_revocations() {
        User user = newUser(uniqueEmail());
        users().add(user);

        assertThat(users().tokenVersion(user.id())).hasValue(0);
        users().revokeTokens(user.id());
        assertThat(users().tokenVersion(user.id())).hasValue(1);
        assertThat(users().tokenVersion(new com.acme.orders.domain.user.UserId(Long.MAX_VALUE)))
                .isEmpty();
    }

    @Test
    void revoking_the_tokens_of_an_unknown_user_changes_nothing() {
        users().revokeTokens(new com.acme.orders.domain.user.UserId(Long.MAX_VALUE));

        assertThat(users().findById(new com.acme.orders.domain.user.UserId(Long.MAX_VALUE)))
                .isEmpty();
    }

    @Test
    void next_ids_are_never_handed_out_twice() {
        assertThat(users().nextId()).isNotEqualTo(users().nextId());
    }

    @Test
    void unknown_users_are_not_found() {
        assertThat(users().findByEmail(new Email(uniqueEmail()))).isEmpty();
        assertThat(users().findById(new com.acme.orders.domain.user.UserId(Long.MAX_VALUE)))
                .isEmpty();
    }
}
