package com.acme.orders.application.port.out;

import com.acme.orders.application.port.DeliveryAttempt;
import com.acme.orders.domain.user.UserId;
import com.acme.orders.domain.webhook.Webhook;
import com.acme.orders.domain.webhook.WebhookId;
import java.util.List;
import java.util.Optional;

/**
 * Where webhooks are kept, with their secrets (readable by the service, which signs with them). Every event written
 * after a webhook is stored, of a type it accepts, gets a delivery to it in the event's own transaction
 * ({@link WebhookDeliveries}).
 */
public interface WebhookRepository {

    /** A fresh identity for a webhook about to be registered; never handed out twice. */
    WebhookId nextId();

    /**
     * Stores {@code webhook} if its owner has fewer than {@code max} webhooks, atomically: two registrations racing
     * for the last place never both get it.
     *
     * @return whether it was stored
     */
    boolean addIfFewerThan(Webhook webhook, int max);

    Optional<Webhook> findById(WebhookId id);

    /** The owner's webhooks, oldest first. */
    List<Webhook> findByOwner(UserId ownerId);

    /**
     * Deletes the owner's webhook with its deliveries and their attempts.
     *
     * @return whether there was such a webhook of this owner
     */
    boolean delete(WebhookId id, UserId ownerId);

    /** The webhook's latest {@code limit} delivery attempts, newest first. */
    List<DeliveryAttempt> attempts(WebhookId id, int limit);
}
