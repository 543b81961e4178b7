package com.acme.orders.domain.webhook;

/** Rule: a user has at most {@value Webhook#MAX_PER_USER} webhooks; registering another is refused. */
public final class WebhookLimitReachedException extends RuntimeException {

    private WebhookLimitReachedException() {
        super(
                "a user has at most " + Webhook.MAX_PER_USER + " webhooks; delete one to register another",
                null,
                false,
                false);
    }

    public static WebhookLimitReachedException atMost() {
        return new WebhookLimitReachedException();
    }
}
