package com.acme.orders.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.domain.shared.InvalidValueException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule defaults = new RetrySchedule(Duration.ofSeconds(10), 12);

    @Test
    void the_delay_starts_at_the_base_and_doubles_per_attempt() {
        assertThat(defaults.delayAfter(1)).contains(Duration.ofSeconds(10));
        assertThat(defaults.delayAfter(2)).contains(Duration.ofSeconds(20));
        assertThat(defaults.delayAfter(3)).contains(Duration.ofSeconds(40));
        assertThat(defaults.delayAfter(11)).contains(Duration.ofSeconds(10_240));
    }

    @Test
    void the_delay_is_capped_at_six_hours() {
        RetrySchedule many = new RetrySchedule(Duration.ofSeconds(10), 1_000);

        assertThat(many.delayAfter(12)).contains(Duration.ofSeconds(20_480));
        assertThat(many.delayAfter(13)).contains(Duration.ofHours(6));
        assertThat(many.delayAfter(999)).contains(Duration.ofHours(6));
    }

    @Test
    void there_is_no_delay_after_the_last_attempt() {
        assertThat(defaults.delayAfter(12)).isEmpty();
        assertThat(new RetrySchedule(Duration.ofSeconds(1), 1).delayAfter(1)).isEmpty();
    }

    @Test
    void a_schedule_without_attempts_or_with_a_zero_base_is_refused() {
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(10), 0))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, 3)).isInstanceOf(InvalidValueException.class);
    }
}
