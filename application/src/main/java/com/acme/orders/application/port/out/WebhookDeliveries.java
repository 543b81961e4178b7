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
     * Records each attempt and its delivery's new state whose claim still holds the delivery, all in one short
     * transaction: a claim that was taken over (its lease ran out and another worker claimed the delivery) or whose
     * webhook was deleted records nothing. One statement for many attempts, so that a worker delivering hundreds a
     * second commits (and waits for its log flush) once a batch, not once an attempt.
     *
     * @return how many were recorded
     */
    int recordAll(List<Recording> recordings);

    /**
     * The deliveries pending and due at {@code now} across the cluster, claimed or not: the backlog the workers have
     * not yet worked off. One read, for metrics.
     */
    Backlog backlog(Instant now);

    /**
     * What is due and not yet delivered.
     *
     * @param due how many deliveries are pending and due
     * @param oldestDue when the longest-waiting of them fell due; empty when none is due
     */
    record Backlog(long due, Optional<Instant> oldestDue) {

        public Backlog {
            Objects.requireNonNull(oldestDue, "oldestDue");
            if (due < 0 || (due == 0) != oldestDue.isEmpty()) {
                throw new IllegalArgumentException("a backlog of " + due + " with oldest due " + oldestDue);
            }
        }
    }

    /**
     * An attempt to record: its claim, what the receiver did, when it started, and the delivery's state after it.
     *
     * @param nextAttemptAt when to try again: present exactly when {@code state} is pending
     */
    record Recording(
            ClaimedDelivery claim,
            EventSender.SendOutcome outcome,
            Instant at,
            DeliveryState state,
            Optional<Instant> nextAttemptAt) {

        public Recording {
            Objects.requireNonNull(claim, "claim");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
            if ((state == DeliveryState.PENDING) != nextAttemptAt.isPresent()) {
                throw new IllegalArgumentException("a pending delivery, and only a pending one, has a next attempt");
            }
        }
    }

    /**
     * A delivery held by one worker: what to send where, as which attempt.
     *
     * @param claim the claim's own identity, which {@link #recordAll} checks
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
