package com.acme.orders.application.port.in.webhook;

/**
 * Ends one of the caller's webhooks: nothing more is sent to it, what was still to be tried is dropped, and its
 * deliveries are forgotten.
 */
public interface DeleteWebhookUseCase {

    /**
     * Deletes the webhook, if the requester owns it.
     *
     * @throws WebhookNotFoundException when there is no such webhook or it is someone else's
     */
    void delete(WebhookQuery query);
}
