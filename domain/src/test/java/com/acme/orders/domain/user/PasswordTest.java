package com.acme.orders.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.domain.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PasswordTest {

    private static final String E_ACUTE = "é"; // 2 bytes in UTF-8
    private static final String EMOJI = "\uD83D\uDE00"; // 4 bytes in UTF-8, 2 UTF-16 units

    @Test
    void seven_bytes_are_refused_and_eight_accepted() {
        assertThatThrownBy(() -> new Password("abcdefg"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be 8 to 72 bytes in UTF-8");
        assertThat(new Password("abcdefgh").utf8Bytes()).hasSize(8);
    }

    @Test
    void seventy_two_bytes_are_accepted_and_seventy_three_refused_never_cut() {
        assertThat(new Password("a".repeat(72)).utf8Bytes()).hasSize(72);
        assertThatThrownBy(() -> new Password("a".repeat(73))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void the_upper_bound_counts_utf8_bytes_not_characters() {
        assertThat(new Password(E_ACUTE.repeat(36)).utf8Bytes()).hasSize(72);
        assertThatThrownBy(() -> new Password(E_ACUTE.repeat(37))) // only 37 characters, but 74 bytes
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void four_byte_characters_count_four() {
        assertThat(new Password(EMOJI.repeat(18)).utf8Bytes()).hasSize(72);
        assertThatThrownBy(() -> new Password(EMOJI.repeat(18) + "a")).isInstanceOf(InvalidValueException.class);
        assertThat(new Password(EMOJI.repeat(2)).utf8Bytes()).hasSize(8); // two characters, yet long enough
    }

    @Test
    void the_lower_bound_counts_utf8_bytes_not_characters() {
        assertThatThrownBy(() -> new Password(E_ACUTE.repeat(3) + "a")) // 7 bytes
                .isInstanceOf(InvalidValueException.class);
        assertThat(new Password(E_ACUTE.repeat(4)).utf8Bytes()).hasSize(8); // 4 characters
    }

    @Test
    void null_is_refused() {
        assertThatThrownBy(() -> new Password(null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void a_password_never_prints_itself() {
        Password password = new Password("correct horse battery");

        assertThat(password.toString()).doesNotContain("correct").doesNotContain("horse");
    }

    @Test
    void a_refusal_never_echoes_the_password() {
        assertThatThrownBy(() -> new Password("secret7"))
                .isInstanceOf(InvalidValueException.class)
                .message()
                .doesNotContain("secret7");
    }

    @Test
    void the_bytes_handed_out_are_a_copy() {
        Password password = new Password("correct horse battery");

        password.utf8Bytes()[0] = 'X';

        assertThat(password.utf8Bytes()).isEqualTo("correct horse battery".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void passwords_with_the_same_characters_are_equal() {
        assertThat(new Password("correct horse")).isEqualTo(new Password("correct horse"));
        assertThat(new Password("correct horse")).hasSameHashCodeAs(new Password("correct horse"));
        assertThat(new Password("correct horse")).isNotEqualTo(new Password("Correct horse"));
    }
}
