package com.acme.orders.application.port.in.webhook;

import com.acme.orders.domain.webhook.WebhookId;

/** No such webhook for this caller: it does not exist, or it is someone else's, which callers cannot tell apart. */
public final class WebhookNotFoundException extends RuntimeException {

    public WebhookNotFoundException(WebhookId id) {
        super("webhook " + id + " not found", null, false, false);
    }
}
