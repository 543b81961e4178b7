package com.acme.orders.bootstrap;

import com.acme.orders.adapter.webhooks.WebhookSettings;
import com.acme.orders.domain.webhook.RetrySchedule;
import java.util.Objects;

/**
 * How webhooks are sent.
 *
 * @param allowPrivateTargets {@code WEBHOOK_ALLOW_PRIVATE_TARGETS}: URLs on loopback, private and link-local
 *     addresses are accepted (local development and tests only)
 * @param sender {@code WEBHOOK_TIMEOUT_SECONDS}
 * @param retries {@code WEBHOOK_RETRY_BASE_SECONDS}, {@code WEBHOOK_MAX_ATTEMPTS}
 */
public record WebhookConfig(boolean allowPrivateTargets, WebhookSettings sender, RetrySchedule retries) {

    public WebhookConfig {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(retries, "retries");
    }
}
