package com.acme.orders.domain.user;

import com.acme.orders.domain.shared.InvalidValueException;
import com.acme.orders.domain.shared.Text;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address, kept exactly as sent; two spellings that differ only in case are one address
 * ({@code ALICE@example.com} equals {@code alice@example.com}), as the unique index on {@code lower(email)} has it.
 *
 * <p>The syntax check is deliberately pragmatic (one {@code @}, a dotted domain, no white space, control or invisible
 * characters): the only real proof of an address is a mail that arrives. Surrounding white space is no part of an
 * address, so an address sent with some is refused, not trimmed.
 */
public record Email(String value) {

    public static final int MAX_LENGTH = 254;

    /** What a domain label may hold besides the hyphen: ASCII letters and digits, and letters of other scripts. */
    private static final String LABEL_EXCLUDED = "\\u0000-\\u002C\\u002E\\u002F\\u003A-\\u0040\\u005B-\\u0060"
            + "\\u007B-\\u00BF\\u00D7\\u00F7\\u202A-\\u202E\\u2066-\\u2069" + Text.INVISIBLE;

    /**
     * The whole rule beside the length, as the OpenAPI document states it: a local part of 1 to 64 characters without
     * {@code @}, white space, control or invisible characters; a dotted domain whose labels start and end with a letter
     * or digit; a last label of 2 to 63 letters.
     */
    public static final String PATTERN =
            "^[^@" + Text.FORBIDDEN + Text.INVISIBLE + "]{1,64}@(?:[^-" + LABEL_EXCLUDED + "](?:[^" + LABEL_EXCLUDED
                    + "]{0,61}[^-" + LABEL_EXCLUDED + "])?\\.)+[^-0-9" + LABEL_EXCLUDED + "]{2,63}$";

    private static final Pattern RULE = Pattern.compile(PATTERN);

    public Email {
        if (value == null) {
            throw InvalidValueException.because("is required");
        }
        if (Text.length(value) > MAX_LENGTH) {
            throw InvalidValueException.because("must be at most " + MAX_LENGTH + " characters");
        }
        if (!RULE.matcher(value).matches()) {
            throw InvalidValueException.because("must be a valid email address");
        }
    }

    /** The address in lower case: what uniqueness, log-in and throttling compare. */
    public String lowerCase() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Email that && lowerCase().equals(that.lowerCase());
    }

    @Override
    public int hashCode() {
        return lowerCase().hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
