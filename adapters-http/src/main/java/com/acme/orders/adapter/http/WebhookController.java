package com.acme.orders.adapter.http;

import com.acme.orders.application.port.in.webhook.WebhookQuery;
import com.acme.orders.application.port.in.webhook.WebhookUseCases;
import com.acme.orders.domain.shared.InvalidValueException;
import com.acme.orders.domain.webhook.Webhook;
import com.acme.orders.domain.webhook.WebhookId;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** {@code /webhooks}: the caller's own webhooks. Every route is {@link BearerAuthentication#REQUIRED}. */
final class WebhookController {

    private final WebhookUseCases webhooks;
    private final JsonBodies bodies;

    WebhookController(WebhookUseCases webhooks, JsonBodies bodies) {
        this.webhooks = webhooks;
        this.bodies = bodies;
    }

    void register(Context ctx) {
        Webhook webhook = webhooks.register(
                bodies.read(ctx, RegisterWebhookRequest.class).toCommand(BearerAuthentication.caller(ctx)));
        ctx.status(HttpStatus.CREATED)
                .header("Location", "/webhooks/" + webhook.id().value())
                .json(RegisteredWebhookResponse.from(webhook));
    }

    void list(Context ctx) {
        ctx.json(webhooks.list(BearerAuthentication.caller(ctx)).stream()
                .map(WebhookResponse::from)
                .toList());
    }

    void get(Context ctx) {
        ctx.json(WebhookResponse.from(webhooks.get(query(ctx))));
    }

    void delete(Context ctx) {
        webhooks.delete(query(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    void deliveries(Context ctx) {
        ctx.json(webhooks.deliveries(query(ctx)).stream()
                .map(DeliveryAttemptResponse::from)
                .toList());
    }

    private static WebhookQuery query(Context ctx) {
        return new WebhookQuery(BearerAuthentication.caller(ctx), webhookId(ctx.pathParam("id")));
    }

    /** The {@code {id}} of a webhook's path; a 400 naming {@code id} if it is none, as for orders. */
    static WebhookId webhookId(String raw) {
        Validation validation = new Validation();
        WebhookId id = validation.field(
                "id",
                () -> new WebhookId(AsciiNumbers.parse(raw)
                        .orElseThrow(
                                () -> InvalidValueException.because("must be a positive integer of ASCII digits"))));
        validation.orThrow();
        return id;
    }
}
