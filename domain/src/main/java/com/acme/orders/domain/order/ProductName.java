package com.acme.orders.domain.order;

import com.acme.orders.domain.shared.InvalidValueException;
import com.acme.orders.domain.shared.Text;

/**
 * What was ordered, kept exactly as sent: 1 to 200 characters, not blank (at least one visible character), no control
 * characters or bidirectional overrides.
 */
public record ProductName(String value) {

    public static final int MAX_LENGTH = 200;
    /** The rule beside the length, as the OpenAPI document states it; checked by {@link Text#showsAtLeast}. */
    public static final String PATTERN = Text.VISIBLE;

    public ProductName {
        if (value == null) {
            throw InvalidValueException.because("is required");
        }
        if (Text.length(value) > MAX_LENGTH) {
            throw InvalidValueException.because("must be at most " + MAX_LENGTH + " characters");
        }
        if (Text.hasForbidden(value)) {
            throw InvalidValueException.because("must not contain control characters or bidirectional overrides");
        }
        if (!Text.showsAtLeast(value, 1)) {
            throw InvalidValueException.because("must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
