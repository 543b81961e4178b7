package com.acme.orders.domain.user;

import com.acme.orders.domain.shared.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address, normalised: trimmed and lower-cased, so that two spellings of one address are one value
 * ({@code ALICE@example.com} equals {@code alice@example.com}).
 *
 * <p>The syntax check is deliberately pragmatic (one {@code @}, a dotted domain, no spaces or control characters):
 * the only real proof of an address is a mail that arrives.
 */
public record Email(String value) {

    public static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_PART = 64;
    private static final Pattern SHAPE = Pattern.compile(
            "^[^@\\s\\p{Cntrl}\\p{Cf}]+@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+[\\p{L}]{2,63}$",
            Pattern.UNICODE_CHARACTER_CLASS);

    public Email {
        if (value == null) {
            throw InvalidValueException.because("is required");
        }
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > MAX_LENGTH) {
            throw InvalidValueException.because("must be at most " + MAX_LENGTH + " characters");
        }
        if (!SHAPE.matcher(value).matches() || value.indexOf('@') > MAX_LOCAL_PART) {
            throw InvalidValueException.because("must be a valid email address");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
