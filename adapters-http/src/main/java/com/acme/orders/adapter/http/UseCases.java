package com.acme.orders.adapter.http;

import com.acme.orders.application.port.in.account.AccountUseCases;
import com.acme.orders.application.port.in.event.ListEventsUseCase;
import com.acme.orders.application.port.in.order.OrderUseCases;
import com.acme.orders.application.port.in.order.PlaceOrderOnceUseCase;
import com.acme.orders.application.port.in.webhook.WebhookUseCases;
import java.util.Objects;

/**
 * The driving ports the API calls, by resource, handed over by bootstrap.
 *
 * @param accounts registration, log-in and the check of every authenticated request
 * @param orders the caller's own orders
 * @param ordersOnce placing an order once per {@code Idempotency-Key}
 * @param events the caller's order events
 * @param webhooks the caller's webhooks and their deliveries
 */
public record UseCases(
        AccountUseCases accounts,
        OrderUseCases orders,
        PlaceOrderOnceUseCase ordersOnce,
        ListEventsUseCase events,
        WebhookUseCases webhooks) {

    public UseCases {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(ordersOnce, "ordersOnce");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(webhooks, "webhooks");
    }
}
