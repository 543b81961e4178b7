package com.acme.orders.adapter.persistence;

import com.acme.orders.application.port.DeliveryAttempt;
import com.acme.orders.application.port.out.WebhookRepository;
import com.acme.orders.domain.order.OrderEventType;
import com.acme.orders.domain.order.OrderStatus;
import com.acme.orders.domain.user.UserId;
import com.acme.orders.domain.webhook.DeliveryState;
import com.acme.orders.domain.webhook.Webhook;
import com.acme.orders.domain.webhook.WebhookId;
import com.acme.orders.domain.webhook.WebhookSecret;
import com.acme.orders.domain.webhook.WebhookUrl;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Webhooks in PostgreSQL, their secrets sealed ({@link SecretSeal}). */
public final class JdbiWebhookRepository implements WebhookRepository {

    private final Jdbi jdbi;
    private final WebhookDao dao;
    private final SecretSeal seal;

    JdbiWebhookRepository(Jdbi jdbi, SecretSeal seal) {
        this.jdbi = jdbi;
        this.dao = new WebhookDao(jdbi);
        this.seal = seal;
    }

    @Override
    public WebhookId nextId() {
        return new WebhookId(dao.nextId());
    }

    @Override
    public boolean addIfFewerThan(Webhook webhook, int max) {
        Objects.requireNonNull(webhook, "webhook");
        WebhookRow row = new WebhookRow(
                webhook.id().value(),
                webhook.ownerId().value(),
                webhook.url().toString(),
                webhook.eventTypes().stream().map(OrderEventType::code).sorted().toList(),
                seal.seal(webhook.id().value(), webhook.secret().value()),
                webhook.createdAt());
        return jdbi.inTransaction(handle -> {
            if (!dao.lockOwner(row.userId())) {
                throw new IllegalStateException("webhook " + row.id() + " refers to unknown user " + row.userId());
            }
            return dao.insertIfFewer(row, max);
        });
    }

    @Override
    public Optional<Webhook> findById(WebhookId id) {
        return dao.findById(id.value()).map(this::toWebhook);
    }

    @Override
    public List<Webhook> findByOwner(UserId ownerId) {
        return dao.findByOwner(ownerId.value()).stream().map(this::toWebhook).toList();
    }

    @Override
    public boolean delete(WebhookId id, UserId ownerId) {
        return dao.delete(id.value(), ownerId.value());
    }

    @Override
    public List<DeliveryAttempt> attempts(WebhookId id, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return dao.attempts(id.value(), limit).stream()
                .map(row -> new DeliveryAttempt(
                        row.eventId(),
                        OrderEventType.reaching(OrderStatus.fromCode(row.eventStatus())),
                        row.attempt(),
                        row.statusCode(),
                        Optional.ofNullable(row.error()),
                        row.at(),
                        Optional.ofNullable(row.nextAttemptAt()),
                        DeliveryState.fromCode(row.state())))
                .toList();
    }

    private Webhook toWebhook(WebhookRow row) {
        return new Webhook(
                new WebhookId(row.id()),
                new UserId(row.userId()),
                new WebhookUrl(URI.create(row.url())),
                row.eventTypes().stream().map(OrderEventType::fromCode).collect(Collectors.toSet()),
                new WebhookSecret(seal.open(row.id(), row.secretSealed())),
                row.createdAt());
    }
}
