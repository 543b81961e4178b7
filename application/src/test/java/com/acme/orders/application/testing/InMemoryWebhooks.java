package com.acme.orders.application.testing;

import com.acme.orders.application.port.DeliveryAttempt;
import com.acme.orders.application.port.out.WebhookRepository;
import com.acme.orders.domain.user.UserId;
import com.acme.orders.domain.webhook.Webhook;
import com.acme.orders.domain.webhook.WebhookId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhooks in memory, for the tests of the API and the services. It keeps no deliveries (nothing is ever sent):
 * {@link #attempts} is empty until a test {@link #addAttempt adds} some. Its own lock makes each call atomic; it does
 * not join an {@link InMemoryStore}'s transactions.
 */
public final class InMemoryWebhooks implements WebhookRepository {

    private final AtomicLong ids = new AtomicLong();
    private final Map<WebhookId, Webhook> webhooks = new LinkedHashMap<>();
    private final Map<WebhookId, List<DeliveryAttempt>> attempts = new LinkedHashMap<>();

    @Override
    public WebhookId nextId() {
        return new WebhookId(ids.incrementAndGet());
    }

    @Override
    public synchronized boolean addIfFewerThan(Webhook webhook, int max) {
        if (webhooks.containsKey(webhook.id())) {
            throw new IllegalStateException("webhook " + webhook.id() + " is already stored");
        }
        if (findByOwner(webhook.ownerId()).size() >= max) {
            return false;
        }
        webhooks.put(webhook.id(), webhook);
        return true;
    }

    @Override
    public synchronized Optional<Webhook> findById(WebhookId id) {
        return Optional.ofNullable(webhooks.get(id));
    }

    @Override
    public synchronized List<Webhook> findByOwner(UserId ownerId) {
        return webhooks.values().stream().filter(w -> w.isOwnedBy(ownerId)).toList();
    }

    @Override
    public synchronized boolean delete(WebhookId id, UserId ownerId) {
        Webhook webhook = webhooks.get(id);
        if (webhook == null || !webhook.isOwnedBy(ownerId)) {
            return false;
        }
        webhooks.remove(id);
        attempts.remove(id);
        return true;
    }

    @Override
    public synchronized List<DeliveryAttempt> attempts(WebhookId id, int limit) {
        List<DeliveryAttempt> newestFirst = new ArrayList<>(attempts.getOrDefault(id, List.of()));
        Collections.reverse(newestFirst);
        return List.copyOf(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
    }

    /** Records an attempt of a stored webhook, as a delivery worker would. */
    public synchronized void addAttempt(WebhookId id, DeliveryAttempt attempt) {
        if (!webhooks.containsKey(id)) {
            throw new IllegalStateException("no webhook " + id);
        }
        attempts.computeIfAbsent(id, key -> new ArrayList<>()).add(attempt);
    }
}
