package com.acme.orders.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.testing.MutableClock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AttemptLimiter} promises. Run against the in-memory fake and against PostgreSQL; each test uses
 * keys of its own, so implementations may share state between tests, but not the clean-up test's rows.
 */
public abstract class AttemptLimiterContract {

    private static final AttemptLimit THREE_A_MINUTE = new AttemptLimit(3, Duration.ofMinutes(1));

    /** The limiter under test, on {@link #clock()}. */
    protected abstract AttemptLimiter limiter();

    /** The clock the limiter reads; tests move it on. */
    protected abstract MutableClock clock();

    private static String newKey() {
        return "test:" + UUID.randomUUID();
    }

    @Test
    void allows_the_limit_then_refuses_with_the_time_until_one_attempt_has_refilled() {
        String key = newKey();
        for (int i = 0; i < 3; i++) {
            assertThat(limiter().tryAttempt(key, THREE_A_MINUTE).allowed())
                    .as("attempt %d", i + 1)
                    .isTrue();
        }

        AttemptDecision refused = limiter().tryAttempt(key, THREE_A_MINUTE);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20));
        assertThat(refused.retryAfter()).isGreaterThan(Duration.ofSeconds(19));
    }

    @Test
    void an_attempt_comes_back_after_a_window_divided_by_the_attempts() {
        String key = newKey();
        for (int i = 0; i < 3; i++) {
            limiter().tryAttempt(key, THREE_A_MINUTE);
        }
        clock().advance(Duration.ofSeconds(19));
        assertThat(limiter().tryAttempt(key, THREE_A_MINUTE).allowed()).isFalse();

        clock().advance(Duration.ofSeconds(1));

        assertThat(limiter().tryAttempt(key, THREE_A_MINUTE).allowed()).isTrue();
        assertThat(limiter().tryAttempt(key, THREE_A_MINUTE).allowed()).isFalse();
    }

    @Test
    void keys_are_counted_apart_and_so_are_the_limits_of_one_key() {
        String key = newKey();
        AttemptLimit another = new AttemptLimit(1, Duration.ofMinutes(15));
        for (int i = 0; i < 3; i++) {
            limiter().tryAttempt(key, THREE_A_MINUTE);
        }

        assertThat(limiter().tryAttempt(newKey(), THREE_A_MINUTE).allowed()).isTrue();
        assertThat(limiter().tryAttempt(key, another).allowed()).isTrue();
        assertThat(limiter().tryAttempt(key, another).allowed()).isFalse();
        assertThat(limiter().tryAttempt(key, THREE_A_MINUTE).allowed()).isFalse();
    }

    @Test
    void forget_gives_the_full_allowance_back_to_that_key_only() {
        String key = newKey();
        String other = newKey();
        for (int i = 0; i < 3; i++) {
            limiter().tryAttempt(key, THREE_A_MINUTE);
            limiter().tryAttempt(other, THREE_A_MINUTE);
        }

        limiter().forget(key, THREE_A_MINUTE);

        for (int i = 0; i < 3; i++) {
            assertThat(limiter().tryAttempt(key, THREE_A_MINUTE).allowed()).isTrue();
        }
        assertThat(limiter().tryAttempt(other, THREE_A_MINUTE).allowed()).isFalse();
        limiter().forget(newKey(), THREE_A_MINUTE); // an unknown key is no error
    }

    @Test
    void remove_expired_deletes_only_counts_that_have_refilled_in_bounded_batches() {
        String stale1 = newKey();
        String stale2 = newKey();
        limiter().tryAttempt(stale1, THREE_A_MINUTE);
        limiter().tryAttempt(stale2, THREE_A_MINUTE);
        limiter().removeExpired(clock().instant().plus(Duration.ofDays(1)), 1_000_000); // earlier tests' rows
        limiter().tryAttempt(stale1, THREE_A_MINUTE);
        limiter().tryAttempt(stale2, THREE_A_MINUTE);
        clock().advance(Duration.ofMinutes(2));
        String recent = newKey();
        for (int i = 0; i < 3; i++) {
            limiter().tryAttempt(recent, THREE_A_MINUTE);
        }

        assertThat(limiter().removeExpired(clock().instant(), 1)).isOne();
        assertThat(limiter().removeExpired(clock().instant(), 10)).isOne();
        assertThat(limiter().removeExpired(clock().instant(), 10)).isZero();

        assertThat(limiter().tryAttempt(recent, THREE_A_MINUTE).allowed())
                .as("a count still refilling is kept")
                .isFalse();
    }
}
