package com.acme.orders.application.port.in.webhook;

import com.acme.orders.domain.webhook.Webhook;
import com.acme.orders.domain.webhook.WebhookLimitReachedException;

/** Subscribes a URL to the events of the caller's orders, from now on. */
public interface RegisterWebhookUseCase {

    /**
     * The new webhook, with the secret its deliveries are signed with: the only time the secret is shown.
     *
     * @throws WebhookTargetRefusedException when the URL may not receive deliveries (it leads into a private network)
     * @throws WebhookLimitReachedException when the caller has {@value Webhook#MAX_PER_USER} webhooks already
     */
    Webhook register(RegisterWebhookCommand command);
}
