package com.acme.orders.adapter.persistence;

import java.time.Instant;

/** An attempt as {@link WebhookDao#ATTEMPTS} reads it, with its delivery's state now and its event's status. */
record DeliveryAttemptRow(
        long eventId,
        String eventStatus,
        int attempt,
        int statusCode,
        String error,
        Instant at,
        Instant nextAttemptAt,
        String state) {}
