package com.acme.orders.domain.webhook;

import com.acme.orders.domain.shared.InvalidValueException;

/** A webhook's identity: a positive 64-bit integer given by storage. */
public record WebhookId(long value) {

    public WebhookId {
        if (value <= 0) {
            throw InvalidValueException.because("must be a positive integer");
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
