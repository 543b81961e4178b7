package com.acme.orders.application.port;

import com.acme.orders.domain.order.OrderEventType;
import com.acme.orders.domain.webhook.DeliveryState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One attempt to deliver an event to a webhook, and where its delivery stands now.
 *
 * @param statusCode the receiver's status, 0 when it gave none (no connection, no answer in time)
 * @param error why the attempt did not deliver; empty when it did
 * @param nextAttemptAt when the delivery is tried again; empty once it is delivered or failed
 * @param state the delivery's state now, after its latest attempt
 */
public record DeliveryAttempt(
        long eventId,
        OrderEventType type,
        int attempt,
        int statusCode,
        Optional<String> error,
        Instant at,
        Optional<Instant> nextAttemptAt,
        DeliveryState state) {

    public DeliveryAttempt {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(state, "state");
    }
}
