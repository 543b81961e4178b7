package com.acme.orders.application.port.in.webhook;

import com.acme.orders.domain.order.OrderEventType;
import com.acme.orders.domain.shared.InvalidValueException;
import com.acme.orders.domain.user.UserId;
import com.acme.orders.domain.webhook.WebhookUrl;
import java.util.Objects;
import java.util.Set;

/** A new webhook of a user: where to, and which event types (at least one; {@code Webhook.allEventTypes()}: all). */
public record RegisterWebhookCommand(UserId ownerId, WebhookUrl url, Set<OrderEventType> eventTypes) {

    public RegisterWebhookCommand {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(eventTypes, "eventTypes");
        if (eventTypes.isEmpty()) {
            throw InvalidValueException.because("must name at least one event type, or be left out for all");
        }
        eventTypes = Set.copyOf(eventTypes);
    }
}
