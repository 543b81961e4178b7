package com.acme.orders.domain.order;

import com.acme.orders.domain.shared.InvalidValueException;
import com.acme.orders.domain.shared.Text;

/** What was ordered: 1 to 200 characters once surrounding white space is trimmed, no control characters. */
public record ProductName(String value) {

    public static final int MAX_LENGTH = 200;

    public ProductName {
        if (value == null) {
            throw InvalidValueException.because("is required");
        }
        value = value.strip();
        if (Text.isVisuallyBlank(value)) {
            throw InvalidValueException.because("must not be blank");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw InvalidValueException.because("must be at most " + MAX_LENGTH + " characters");
        }
        if (Text.hasControlOrBidiOverride(value)) {
            throw InvalidValueException.because("must not contain control characters or bidirectional overrides");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
