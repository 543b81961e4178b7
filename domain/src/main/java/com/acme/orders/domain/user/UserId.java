package com.acme.orders.domain.user;

import com.acme.orders.domain.shared.InvalidValueException;

/** A user's identity: a positive 64-bit integer given by storage. */
public record UserId(long value) {

    public UserId {
        if (value <= 0) {
            throw InvalidValueException.because("must be a positive integer");
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
