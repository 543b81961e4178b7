package com.acme.orders.application.port.in.webhook;

import com.acme.orders.domain.webhook.Webhook;

/** One of the caller's webhooks. */
public interface GetWebhookUseCase {

    /**
     * The webhook, if the requester owns it.
     *
     * @throws WebhookNotFoundException when there is no such webhook or it is someone else's
     */
    Webhook get(WebhookQuery query);
}
