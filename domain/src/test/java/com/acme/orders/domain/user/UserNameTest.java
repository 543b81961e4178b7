package com.acme.orders.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserNameTest {

    private static final String EMOJI = "\uD83D\uDE00"; // one code point, two UTF-16 units

    @Test
    void one_character_is_refused_and_two_accepted() {
        assertThatThrownBy(() -> new UserName("A"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be 2 to 100 characters");
        assertThat(new UserName("Al").value()).isEqualTo("Al");
    }

    @Test
    void a_hundred_characters_are_accepted_and_a_hundred_and_one_refused() {
        assertThat(new UserName("x".repeat(100)).value()).hasSize(100);
        assertThatThrownBy(() -> new UserName("x".repeat(101))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void a_name_is_kept_exactly_as_sent_surrounding_white_space_included() {
        assertThat(new UserName("  Alice Example ").value()).isEqualTo("  Alice Example ");
        assertThatThrownBy(() -> new UserName(" " + "x".repeat(100))).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"  A  ", "A\u200B", "\u200BA\u00A0", "A \u3000"})
    void a_name_needs_two_visible_characters(String name) {
        assertThatThrownBy(() -> new UserName(name))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must have at least 2 visible characters");
    }

    @Test
    void the_rule_is_the_documented_pattern() {
        assertThat(java.util.regex.Pattern.matches(UserName.PATTERN, "J o")).isTrue();
        assertThat(java.util.regex.Pattern.matches(UserName.PATTERN, " J ")).isFalse();
        assertThat(java.util.regex.Pattern.matches(UserName.PATTERN, "J\u202Eo"))
                .isFalse();
    }

    @Test
    void characters_are_counted_as_code_points_not_utf16_units() {
        assertThatThrownBy(() -> new UserName(EMOJI)).isInstanceOf(InvalidValueException.class);
        assertThat(new UserName(EMOJI.repeat(2)).value()).isEqualTo(EMOJI.repeat(2));
        assertThat(new UserName(EMOJI.repeat(100)).value()).hasSize(200);
        assertThatThrownBy(() -> new UserName(EMOJI.repeat(101))).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\t\n ", "\u2003\u2003"})
    void a_blank_name_is_refused(String blank) {
        assertThatThrownBy(() -> new UserName(blank)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Al\u0000ice", "Al\tice", "Al\nice", "Al\u007Fice", "Al\u0085ice"})
    void control_characters_are_refused(String name) {
        assertThatThrownBy(() -> new UserName(name))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must not contain control characters or bidirectional overrides");
    }

    @Test
    void null_is_refused() {
        assertThatThrownBy(() -> new UserName(null)).isInstanceOf(InvalidValueException.class);
    }
}
