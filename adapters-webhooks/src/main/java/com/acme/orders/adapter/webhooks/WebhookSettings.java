package com.acme.orders.adapter.webhooks;

import java.time.Duration;
import java.util.Objects;

/**
 * How the sender talks to receivers.
 *
 * @param timeout the longest one attempt may take, connecting and waiting for the answer's status
 *     ({@code WEBHOOK_TIMEOUT_SECONDS})
 */
public record WebhookSettings(Duration timeout) {

    public WebhookSettings {
        Objects.requireNonNull(timeout, "timeout");
        if (!timeout.isPositive()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }
}
