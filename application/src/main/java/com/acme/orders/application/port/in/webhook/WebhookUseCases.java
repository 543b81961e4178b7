package com.acme.orders.application.port.in.webhook;

/** The use cases of a user's own webhooks, for the driving adapter that serves them all. */
public interface WebhookUseCases
        extends RegisterWebhookUseCase,
                ListWebhooksUseCase,
                GetWebhookUseCase,
                DeleteWebhookUseCase,
                ListDeliveryAttemptsUseCase {}
