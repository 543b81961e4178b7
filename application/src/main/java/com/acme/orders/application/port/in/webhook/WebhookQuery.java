package com.acme.orders.application.port.in.webhook;

import com.acme.orders.domain.user.UserId;
import com.acme.orders.domain.webhook.WebhookId;
import java.util.Objects;

/** One webhook, asked for by a user who must own it. */
public record WebhookQuery(UserId requesterId, WebhookId webhookId) {

    public WebhookQuery {
        Objects.requireNonNull(requesterId, "requesterId");
        Objects.requireNonNull(webhookId, "webhookId");
    }
}
