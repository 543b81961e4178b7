package com.acme.orders.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.domain.shared.InvalidValueException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmountTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.01", "1", "999.99", "1000000000", "1000000000.00"})
    void amounts_from_one_cent_to_a_billion_are_accepted(String decimal) {
        assertThat(Amount.of(decimal).value()).isEqualByComparingTo(decimal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-1", "-0.01", "1000000000.01", "1000000001"})
    void amounts_outside_one_cent_to_a_billion_are_refused(String decimal) {
        assertThatThrownBy(() -> Amount.of(decimal)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.001", "0.001", "999.999", "1.0000001"})
    void a_third_decimal_is_refused_never_rounded(String decimal) {
        assertThatThrownBy(() -> Amount.of(decimal))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must have at most 2 decimal places");
    }

    @Test
    void trailing_zeros_do_not_count_as_decimal_places() {
        assertThat(Amount.of("1.230")).isEqualTo(Amount.of("1.23"));
        assertThat(Amount.of("10")).isEqualTo(Amount.of("10.00"));
        assertThat(Amount.of("10.0")).isEqualTo(Amount.of("10.00"));
    }

    @Test
    void an_amount_is_always_held_at_scale_2() {
        assertThat(Amount.of("10").value().scale()).isEqualTo(2);
        assertThat(Amount.of("1.230").value().scale()).isEqualTo(2);
        assertThat(Amount.of("10").toString()).isEqualTo("10.00");
    }

    @Test
    void exponent_notation_is_read_as_its_value() {
        assertThat(Amount.of("1E+3").value()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(Amount.of("1E+3").toString()).isEqualTo("1000.00");
    }

    @Test
    void a_hundred_digit_number_is_refused() {
        assertThatThrownBy(() -> Amount.of("9".repeat(100))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Amount.of("0." + "0".repeat(98) + "1")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Amount.of("1." + "1".repeat(99))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void huge_exponents_are_refused_without_being_expanded() {
        assertThatThrownBy(() -> Amount.of("1E+999999999")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Amount.of("1E-999999999")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void null_is_refused() {
        assertThatThrownBy(() -> new Amount(null))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("is required");
    }
}
