package com.acme.orders.application.port.in.account;

import com.acme.orders.domain.shared.InvalidValueException;

/**
 * A refresh token as a client holds it: opaque text, 256 random bits in unpadded base64url when this service made it.
 * Any other text is taken too, and is simply unknown; only a missing or oversized value is refused as invalid input.
 * It never prints itself.
 */
public record RefreshToken(String value) {

    /** Far longer than any token this service issues (43 characters); longer text is not worth hashing. */
    public static final int MAX_LENGTH = 512;

    public RefreshToken {
        if (value == null || value.isEmpty()) {
            throw InvalidValueException.because("is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw InvalidValueException.because("must be at most " + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return "RefreshToken[****]";
    }
}
