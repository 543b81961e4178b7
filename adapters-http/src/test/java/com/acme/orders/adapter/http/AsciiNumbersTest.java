package com.acme.orders.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AsciiNumbersTest {

    @Test
    void ascii_digits_are_read_up_to_the_largest_long() {
        assertThat(AsciiNumbers.parse("16")).hasValue(16);
        assertThat(AsciiNumbers.parse("007")).hasValue(7);
        assertThat(AsciiNumbers.parse("9223372036854775807")).hasValue(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "+1",
                "-1",
                " 1",
                "1 ",
                "1.0",
                "1e3",
                "0x10",
                "9223372036854775808",
                "99999999999999999999",
                "\u0661\u0666",
                "\uFF11\uFF16",
                "\u0968",
                "\u07C3",
                "1\u0000"
            })
    void anything_else_is_no_number(String text) {
        assertThat(AsciiNumbers.parse(text)).isEmpty();
    }

    @Test
    void null_is_no_number() {
        assertThat(AsciiNumbers.parse(null)).isEmpty();
    }
}
