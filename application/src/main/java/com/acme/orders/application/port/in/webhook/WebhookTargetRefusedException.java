package com.acme.orders.application.port.in.webhook;

/**
 * A webhook URL that may not receive deliveries: it resolves to a loopback, private or link-local address (or does
 * not resolve). The message says why, in words safe to show the caller.
 */
public final class WebhookTargetRefusedException extends RuntimeException {

    public WebhookTargetRefusedException(String reason) {
        super(reason, null, false, false);
    }
}
