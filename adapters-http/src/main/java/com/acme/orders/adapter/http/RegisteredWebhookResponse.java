package com.acme.orders.adapter.http;

import com.acme.orders.domain.webhook.Webhook;
import java.time.Instant;
import java.util.List;

/** The answer of {@code POST /webhooks}: the webhook and, this once only, the secret its deliveries are signed with. */
record RegisteredWebhookResponse(long id, String url, List<String> events, String secret, Instant createdAt) {

    static RegisteredWebhookResponse from(Webhook webhook) {
        return new RegisteredWebhookResponse(
                webhook.id().value(),
                webhook.url().toString(),
                WebhookResponse.events(webhook),
                webhook.secret().value(),
                webhook.createdAt());
    }
}
