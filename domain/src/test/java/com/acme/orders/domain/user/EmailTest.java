package com.acme.orders.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

    /** A valid domain of {@code 63 + 1 + 63 + 1 + lastLabel + 4} characters: labels of at most 63, then ".com". */
    private static String domainWithLastLabelOf(int lastLabel) {
        return "d".repeat(63) + "." + "d".repeat(63) + "." + "d".repeat(lastLabel) + ".com";
    }

    @Test
    void an_address_is_kept_exactly_as_sent() {
        assertThat(new Email("Alice@Example.COM").value()).isEqualTo("Alice@Example.COM");
        assertThat(new Email("Alice@Example.COM").lowerCase()).isEqualTo("alice@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {" alice@example.com", "alice@example.com ", "alice@example.com\n", "\u00A0a@b.co"})
    void surrounding_white_space_is_refused_not_trimmed(String address) {
        assertThatThrownBy(() -> new Email(address))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be a valid email address");
    }

    @Test
    void two_spellings_of_one_address_are_one_value() {
        assertThat(new Email("ALICE@Example.COM")).isEqualTo(new Email("alice@example.com"));
        assertThat(new Email("ALICE@Example.COM")).hasSameHashCodeAs(new Email("alice@example.com"));
    }

    @Test
    void two_hundred_and_fifty_four_characters_are_accepted_and_two_hundred_and_fifty_five_refused() {
        String longest = "a".repeat(64) + "@" + domainWithLastLabelOf(57);
        String tooLong = "a".repeat(64) + "@" + domainWithLastLabelOf(58);
        assertThat(longest).hasSize(254);
        assertThat(tooLong).hasSize(255);

        assertThat(new Email(longest).value()).isEqualTo(longest);
        assertThatThrownBy(() -> new Email(tooLong))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be at most 254 characters");
    }

    @Test
    void a_local_part_of_64_characters_is_accepted_and_one_of_65_refused() {
        assertThat(new Email("a".repeat(64) + "@example.com").value()).startsWith("a".repeat(64) + "@");
        assertThatThrownBy(() -> new Email("a".repeat(65) + "@example.com")).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "a",
                "a@",
                "@b.com",
                "a b@c.com",
                "a@b",
                "a@b.c",
                "a@@b.com",
                "a@b@c.com",
                "a@.com",
                "a@b..com",
                "a@-b.com",
                "a@b-.com",
                "a@b.com.",
                "a@b .com",
                "a@b.c0m",
                "a\u0000b@c.com",
                "a\tb@c.com",
                "a\u007Fb@c.com",
                "a@b\u0000.com"
            })
    void malformed_addresses_are_refused(String address) {
        assertThatThrownBy(() -> new Email(address)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0085b@c.com", "a\u009Fb@c.com", "a\u00A0b@c.com", "a\u2028b@c.com"})
    void unicode_control_and_space_characters_are_refused(String address) {
        assertThatThrownBy(() -> new Email(address)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void null_is_refused() {
        assertThatThrownBy(() -> new Email(null)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jörg@bücher.de", "user@例え.テスト", "first.last+tag@sub.example.co.uk", "a@b.co"})
    void ordinary_and_international_addresses_are_accepted(String address) {
        assertThat(new Email(address).value()).isEqualTo(address);
    }

    @Test
    void an_international_domain_is_lower_cased_too() {
        assertThat(new Email("JÖRG@BÜCHER.DE")).isEqualTo(new Email("jörg@bücher.de"));
    }
}
