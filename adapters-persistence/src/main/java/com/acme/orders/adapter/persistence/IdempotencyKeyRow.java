package com.acme.orders.adapter.persistence;

/** A row of {@code idempotency_keys} as a claim reads it; the response columns are null while in flight. */
record IdempotencyKeyRow(String fingerprint, String status, Long orderId, Integer responseStatus, String responseBody) {

    static final String IN_FLIGHT = "in_flight";
    static final String DONE = "done";
}
