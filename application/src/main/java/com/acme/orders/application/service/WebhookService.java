package com.acme.orders.application.service;

import com.acme.orders.application.port.DeliveryAttempt;
import com.acme.orders.application.port.in.webhook.RegisterWebhookCommand;
import com.acme.orders.application.port.in.webhook.WebhookNotFoundException;
import com.acme.orders.application.port.in.webhook.WebhookQuery;
import com.acme.orders.application.port.in.webhook.WebhookTargetRefusedException;
import com.acme.orders.application.port.in.webhook.WebhookUseCases;
import com.acme.orders.application.port.out.TransactionRunner;
import com.acme.orders.application.port.out.WebhookRepository;
import com.acme.orders.application.port.out.WebhookTargets;
import com.acme.orders.domain.user.UserId;
import com.acme.orders.domain.webhook.Webhook;
import com.acme.orders.domain.webhook.WebhookLimitReachedException;
import com.acme.orders.domain.webhook.WebhookSecret;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** A user's own webhooks: register (with a new secret), list, read, delete, and their delivery attempts. */
public final class WebhookService implements WebhookUseCases {

    private final WebhookRepository webhooks;
    private final WebhookTargets targets;
    private final TransactionRunner transactions;
    private final SecureRandom random;
    private final Clock clock;

    public WebhookService(
            WebhookRepository webhooks,
            WebhookTargets targets,
            TransactionRunner transactions,
            SecureRandom random,
            Clock clock) {
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
        this.targets = Objects.requireNonNull(targets, "targets");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Webhook register(RegisterWebhookCommand command) {
        targets.refusal(command.url().value()).ifPresent(reason -> {
            throw new WebhookTargetRefusedException("The url " + reason + ".");
        });
        Webhook webhook = new Webhook(
                webhooks.nextId(),
                command.ownerId(),
                command.url(),
                command.eventTypes(),
                WebhookSecret.generate(random),
                Timestamps.now(clock));
        if (!transactions.inTransaction(() -> webhooks.addIfFewerThan(webhook, Webhook.MAX_PER_USER))) {
            throw WebhookLimitReachedException.atMost();
        }
        return webhook;
    }

    @Override
    public List<Webhook> list(UserId ownerId) {
        return webhooks.findByOwner(ownerId);
    }

    @Override
    public Webhook get(WebhookQuery query) {
        return findOwned(query);
    }

    @Override
    public void delete(WebhookQuery query) {
        if (!webhooks.delete(query.webhookId(), query.requesterId())) {
            throw new WebhookNotFoundException(query.webhookId());
        }
    }

    @Override
    public List<DeliveryAttempt> deliveries(WebhookQuery query) {
        return transactions.inTransaction(() -> {
            findOwned(query);
            return webhooks.attempts(query.webhookId(), MAX_LISTED);
        });
    }

    private Webhook findOwned(WebhookQuery query) {
        return webhooks.findById(query.webhookId())
                .filter(webhook -> webhook.isOwnedBy(query.requesterId()))
                .orElseThrow(() -> new WebhookNotFoundException(query.webhookId()));
    }
}
