package com.acme.orders.application.port;

import com.acme.orders.domain.shared.InvalidValueException;
import java.util.regex.Pattern;

/**
 * A client's name for one attempt at a create, sent again with every retry of it: 1 to 255 printable ASCII
 * characters, without leading or trailing spaces. Scoped to its user: two users may use the same key.
 */
public record IdempotencyKey(String value) {

    public static final int MAX_LENGTH = 255;
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x21-\\x7E]([\\x20-\\x7E]*[\\x21-\\x7E])?");

    public IdempotencyKey {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            throw InvalidValueException.because("must be 1 to " + MAX_LENGTH + " characters");
        }
        if (!PRINTABLE_ASCII.matcher(value).matches()) {
            throw InvalidValueException.because(
                    "must be printable ASCII characters, without leading or trailing spaces");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
