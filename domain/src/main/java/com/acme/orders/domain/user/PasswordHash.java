package com.acme.orders.domain.user;

import com.acme.orders.domain.shared.InvalidValueException;

/** A one-way hash of a password, in the hasher's own encoding (for bcrypt, the modular crypt format). */
public record PasswordHash(String value) {

    public PasswordHash {
        if (value == null || value.isBlank()) {
            throw InvalidValueException.because("must not be blank");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[****]";
    }
}
