package com.acme.orders.domain.user;

import com.acme.orders.domain.shared.InvalidValueException;
import com.acme.orders.domain.shared.Text;

/**
 * A user's display name, kept exactly as sent: 2 to 100 characters, at least two of them visible (not white space,
 * not invisible), no control characters or bidirectional overrides.
 */
public record UserName(String value) {

    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 100;
    /** The rule beside the lengths, as the OpenAPI document states it; checked by {@link Text#showsAtLeast}. */
    public static final String PATTERN = Text.TWO_VISIBLE;

    public UserName {
        if (value == null) {
            throw InvalidValueException.because("is required");
        }
        int length = Text.length(value);
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw InvalidValueException.because("must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        if (Text.hasForbidden(value)) {
            throw InvalidValueException.because("must not contain control characters or bidirectional overrides");
        }
        if (!Text.showsAtLeast(value, 2)) {
            throw InvalidValueException.because("must have at least 2 visible characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
