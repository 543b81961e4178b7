package com.acme.orders.adapter.http;

import com.acme.orders.application.port.in.webhook.RegisterWebhookCommand;
import com.acme.orders.domain.order.OrderEventType;
import com.acme.orders.domain.shared.InvalidValueException;
import com.acme.orders.domain.user.UserId;
import com.acme.orders.domain.webhook.Webhook;
import com.acme.orders.domain.webhook.WebhookUrl;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /webhooks} body: the URL and, optionally, the event types to deliver (left out or {@code null}: all of
 * them). The secret is never a client's to choose.
 */
record RegisterWebhookRequest(String url, List<String> events) {

    RegisterWebhookCommand toCommand(UserId owner) {
        Validation validation = new Validation();
        WebhookUrl validUrl = validation.field("url", () -> WebhookUrl.parse(url));
        Set<OrderEventType> types = validation.field("events", this::eventTypes);
        validation.orThrow();
        return new RegisterWebhookCommand(owner, validUrl, types);
    }

    private Set<OrderEventType> eventTypes() {
        if (events == null) {
            return Webhook.allEventTypes();
        }
        if (events.isEmpty()) {
            throw InvalidValueException.because("must name at least one event type, or be left out for all");
        }
        Set<OrderEventType> types = EnumSet.noneOf(OrderEventType.class);
        for (String code : events) {
            if (code == null) {
                throw InvalidValueException.because("must list event types, not null");
            }
            types.add(OrderEventType.fromCode(code));
        }
        return types;
    }
}
