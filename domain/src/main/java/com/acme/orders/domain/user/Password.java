package com.acme.orders.domain.user;

import com.acme.orders.domain.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A password in clear, as a user typed it: 8 to 72 bytes in UTF-8. bcrypt reads at most 72 bytes, so a longer
 * password is refused rather than silently cut. It never prints itself.
 */
public final class Password {

    public static final int MIN_BYTES = 8;
    public static final int MAX_BYTES = 72;

    private final byte[] utf8;

    public Password(String clear) {
        if (clear == null) {
            throw InvalidValueException.because("is required");
        }
        byte[] bytes = clear.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES || bytes.length > MAX_BYTES) {
            throw InvalidValueException.because("must be " + MIN_BYTES + " to " + MAX_BYTES + " bytes in UTF-8");
        }
        this.utf8 = bytes;
    }

    /** The password's UTF-8 bytes: a copy, for the hasher only. */
    public byte[] utf8Bytes() {
        return utf8.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Password that && Arrays.equals(utf8, that.utf8);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(utf8);
    }

    @Override
    public String toString() {
        return "Password[****]";
    }
}
