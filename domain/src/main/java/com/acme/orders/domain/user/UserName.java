package com.acme.orders.domain.user;

import com.acme.orders.domain.shared.InvalidValueException;
import com.acme.orders.domain.shared.Text;

/** A user's display name: 2 to 100 characters once surrounding white space is trimmed. */
public record UserName(String value) {

    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 100;

    public UserName {
        if (value == null) {
            throw InvalidValueException.because("is required");
        }
        value = value.strip();
        if (Text.isVisuallyBlank(value)) {
            throw InvalidValueException.because(
                    "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters after trimming");
        }
        int length = value.codePointCount(0, value.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw InvalidValueException.because(
                    "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters after trimming");
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
