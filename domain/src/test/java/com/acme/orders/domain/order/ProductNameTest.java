package com.acme.orders.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProductNameTest {

    private static final String EMOJI = "\uD83D\uDCBB"; // one code point, two UTF-16 units

    @Test
    void one_character_is_enough() {
        assertThat(new ProductName("X").value()).isEqualTo("X");
    }

    @Test
    void two_hundred_characters_are_accepted_and_two_hundred_and_one_refused() {
        assertThat(new ProductName("x".repeat(200)).value()).hasSize(200);
        assertThatThrownBy(() -> new ProductName("x".repeat(201))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void a_name_is_kept_exactly_as_sent_surrounding_white_space_included() {
        assertThat(new ProductName(" Laptop ").value()).isEqualTo(" Laptop ");
        assertThatThrownBy(() -> new ProductName(" " + "x".repeat(200))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void characters_are_counted_as_code_points_not_utf16_units() {
        assertThat(new ProductName(EMOJI.repeat(200)).value()).hasSize(400);
        assertThatThrownBy(() -> new ProductName(EMOJI.repeat(201))).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "\u2003", "\uFEFF"})
    void a_blank_name_is_refused(String blank) {
        assertThatThrownBy(() -> new ProductName(blank))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Lap\u0000top", "Lap\ttop", "Lap\ntop", "Lap\u007Ftop", "Lap\u0085top", "Lap\u009Btop"})
    void control_characters_are_refused(String name) {
        assertThatThrownBy(() -> new ProductName(name))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must not contain control characters or bidirectional overrides");
    }

    @Test
    void null_is_refused() {
        assertThatThrownBy(() -> new ProductName(null)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200B", " \u200B\u2060 ", "\u00A0"})
    void a_name_of_only_invisible_characters_is_blank(String name) {
        assertThatThrownBy(() -> new ProductName(name))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Laptop\u202Eevil", "a\u2066b", "a\u0085b"})
    void bidirectional_overrides_and_control_characters_are_refused(String name) {
        assertThatThrownBy(() -> new ProductName(name)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void emoji_sequences_with_joiners_are_kept() {
        assertThat(new ProductName("Family \uD83D\uDC68\u200D\uD83D\uDC69").value())
                .isEqualTo("Family \uD83D\uDC68\u200D\uD83D\uDC69");
    }
}
