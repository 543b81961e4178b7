package com.acme.orders.adapter.http;

import java.util.OptionalLong;

/**
 * Numbers from outside (path ids, {@code limit}, a token's subject) are ASCII digits and nothing else: no sign, no
 * white space, and none of the other scripts' digits that {@link Long#parseLong} takes as well ({@code ١٦} would be
 * 16). What is read is exactly what was sent.
 */
final class AsciiNumbers {

    /** More digits than any long has; refusing them early keeps a hostile input cheap. */
    private static final int MAX_DIGITS = 19;

    private AsciiNumbers() {}

    /** The value of {@code text} if it is 1 to 19 ASCII digits that fit a long; empty otherwise. */
    static OptionalLong parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_DIGITS) {
            return OptionalLong.empty();
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
            int digit = c - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                return OptionalLong.empty();
            }
            value = value * 10 + digit;
        }
        return OptionalLong.of(value);
    }
}
