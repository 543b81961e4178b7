package com.acme.orders.application.port.in.webhook;

import com.acme.orders.domain.user.UserId;
import com.acme.orders.domain.webhook.Webhook;
import java.util.List;

/** The caller's webhooks, oldest first (at most {@value Webhook#MAX_PER_USER}). */
public interface ListWebhooksUseCase {

    List<Webhook> list(UserId ownerId);
}
