package com.acme.orders.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserIdTest {

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void zero_and_negative_ids_are_refused(long value) {
        assertThatThrownBy(() -> new UserId(value)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void positive_ids_up_to_the_largest_long_are_accepted_and_print_as_the_number() {
        assertThat(new UserId(1).value()).isEqualTo(1);
        assertThat(new UserId(Long.MAX_VALUE)).hasToString(Long.toString(Long.MAX_VALUE));
    }
}
