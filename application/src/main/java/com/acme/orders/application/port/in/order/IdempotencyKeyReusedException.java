package com.acme.orders.application.port.in.order;

/** The idempotency key was used before, by the same user, for a different order. */
public final class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("this Idempotency-Key was already used with a different request", null, false, false);
    }
}
