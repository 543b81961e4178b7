package com.acme.orders.adapter.persistence;

import java.time.Instant;
import java.util.List;

/** A row of {@code webhooks}: the event types as {@code OrderEventType} codes, the secret still sealed. */
record WebhookRow(
        long id,
        long userId,
        String url,
        List<String> eventTypes,
        java.nio.ByteBuffer secretSealed,
        Instant createdAt) {}
