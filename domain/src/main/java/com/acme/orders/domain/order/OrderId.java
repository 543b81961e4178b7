package com.acme.orders.domain.order;

import com.acme.orders.domain.shared.InvalidValueException;

/** An order's identity: a positive 64-bit integer. */
public record OrderId(long value) {

    public OrderId {
        if (value <= 0) {
            throw InvalidValueException.because("must be a positive integer");
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
