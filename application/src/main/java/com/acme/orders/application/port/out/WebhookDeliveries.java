package com.acme.orders.application.port.out;

import com.acme.orders.domain.order.OrderEvent;
import com.acme.orders.domain.webhook.DeliveryState;
import com.acme.orders.domain.webhook.WebhookSecret;
import com.acme.orders.domain.webhook.WebhookUrl;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The deliveries of events to webhooks, one per event and webhook, made in the transaction that wrote the event (so
 * there is one exactly when the event committed). Shared by every instance: a worker claims due deliveries for a
 * lease, sends them with no transaction open, and records each attempt under its claim.
 */
public interface WebhookDeliveries {

    /**
     * Claims up to {@code limit} pending deliveries due at {@code now} (their next attempt is due and no unexpired
     * claim holds them), oldest due first, until {@code leaseUntil}, in one short transaction that commits before
     * this returns. Concurrent callers never claim the same delivery; a claim whose lease is over may be taken again.
     */
    List<ClaimedDelivery> claimDue(Instant now, Instant leaseUntil, int limit);

    /**
     * Records attempt {@code claim.attempt()} and the delivery's new state, if {@code claim} still holds it: a claim
     * that was taken over (its lease ran out and another worker claimed the delivery) or whose webhook was deleted
     * records nothing.
     *
     * @param nextAttemptAt when to try again: present exactly when {@code state} is pending
     * @return whether the attempt was recorded
     */
    boolean record(
            ClaimedDelivery claim,
            EventSender.SendOutcome outcome,
            Instant at,
            DeliveryState state,
            Optional<Instant> nextAttemptAt);

    /**
     * A delivery held by one worker: what to send where, as which attempt.
     *
     * @param claim the claim's own identity, which {@link #record} checks
     * @param attempt the number of the attempt to make, 1 for the first
     */
    record ClaimedDelivery(
            long deliveryId, UUID claim, int attempt, WebhookUrl target, WebhookSecret secret, OrderEvent event) {

        public ClaimedDelivery {
            Objects.requireNonNull(claim, "claim");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(event, "event");
            if (attempt < 1) {
                throw new IllegalArgumentException("attempts count from 1: " + attempt);
            }
        }
    }
}
