package com.acme.orders.adapter.http;

import com.acme.orders.domain.order.OrderEventType;
import com.acme.orders.domain.webhook.Webhook;
import java.time.Instant;
import java.util.List;

/** A webhook as the API shows it after its registration: never its secret. Event types in their declared order. */
record WebhookResponse(long id, String url, List<String> events, Instant createdAt) {

    static WebhookResponse from(Webhook webhook) {
        return new WebhookResponse(
                webhook.id().value(), webhook.url().toString(), events(webhook), webhook.createdAt());
    }

    static List<String> events(Webhook webhook) {
        return webhook.eventTypes().stream().sorted().map(OrderEventType::code).toList();
    }
}
