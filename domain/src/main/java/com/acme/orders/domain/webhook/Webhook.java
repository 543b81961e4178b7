package com.acme.orders.domain.webhook;

import com.acme.orders.domain.order.OrderEventType;
import com.acme.orders.domain.shared.InvalidValueException;
import com.acme.orders.domain.user.UserId;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A user's subscription to the events of their orders: which types go to which URL, signed with which secret. A
 * webhook never changes; to change one, delete it and register another.
 *
 * @param eventTypes the types delivered, never empty: registering without a filter subscribes to every type
 */
public record Webhook(
        WebhookId id,
        UserId ownerId,
        WebhookUrl url,
        Set<OrderEventType> eventTypes,
        WebhookSecret secret,
        Instant createdAt) {

    /** Rule: a user has at most this many webhooks. */
    public static final int MAX_PER_USER = 10;

    public Webhook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(eventTypes, "eventTypes");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdAt, "createdAt");
        if (eventTypes.isEmpty()) {
            throw InvalidValueException.because("must name at least one event type");
        }
        eventTypes = Collections.unmodifiableSet(EnumSet.copyOf(eventTypes));
    }

    /** Every event type: the filter of a webhook registered without one. */
    public static Set<OrderEventType> allEventTypes() {
        return Collections.unmodifiableSet(EnumSet.allOf(OrderEventType.class));
    }

    public boolean isOwnedBy(UserId userId) {
        return ownerId.equals(userId);
    }
}
