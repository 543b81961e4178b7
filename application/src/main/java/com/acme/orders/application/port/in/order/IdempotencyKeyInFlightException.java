package com.acme.orders.application.port.in.order;

/** The first request with this idempotency key is still being processed; the retry may come again shortly. */
public final class IdempotencyKeyInFlightException extends RuntimeException {

    public IdempotencyKeyInFlightException() {
        super("a request with this Idempotency-Key is still in progress", null, false, false);
    }
}
