package com.acme.orders.adapter.http;

import com.acme.orders.application.port.DeliveryAttempt;
import java.time.Instant;

/**
 * One delivery attempt: the event (its id as in {@code GET /events}), the attempt's number, the receiver's status
 * ({@code null} when it gave none), why it did not deliver ({@code null} when it did), and where the delivery stands
 * now: its state and, while pending, when it is tried next.
 */
record DeliveryAttemptResponse(
        String eventId,
        String type,
        int attempt,
        Integer statusCode,
        String error,
        Instant at,
        Instant nextAttemptAt,
        String state) {

    static DeliveryAttemptResponse from(DeliveryAttempt attempt) {
        return new DeliveryAttemptResponse(
                EventResponse.ID_PREFIX + attempt.eventId(),
                attempt.type().code(),
                attempt.attempt(),
                attempt.statusCode() == 0 ? null : attempt.statusCode(),
                attempt.error().orElse(null),
                attempt.at(),
                attempt.nextAttemptAt().orElse(null),
                attempt.state().code());
    }
}
