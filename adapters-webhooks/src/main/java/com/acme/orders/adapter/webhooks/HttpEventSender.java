package com.acme.orders.adapter.webhooks;

import com.acme.orders.application.port.out.EventSender;
import com.acme.orders.application.port.out.WebhookTargets;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Webhooks over the JDK's HTTP client: a {@code POST} of the event's JSON with the Standard Webhooks headers
 * ({@code webhook-id} the event's id, the same on every attempt; {@code webhook-timestamp} this attempt's second;
 * {@code webhook-signature} {@code v1,} and the HMAC-SHA256 of {@code id.timestamp.body}).
 *
 * <p>The target is checked again right before each attempt ({@link WebhookTargets}): a name that resolved to a public
 * address at registration may resolve to a private one now. Redirects are never followed (a redirect could lead anywhere, a private address included): a 3xx is a failed
 * attempt. Of the answer only the status is read; its body is closed unread, so a receiver cannot make the sender
 * read or hold more than the status line and headers. Connecting and waiting for the status together take at most
 * the settings' timeout.
 */
public final class HttpEventSender implements EventSender {

    private final HttpClient client;
    private final WebhookSettings settings;
    private final WebhookTargets targets;

    /** A sender that checks each target with {@code targets} right before it connects. */
    public HttpEventSender(WebhookSettings settings, WebhookTargets targets) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.targets = Objects.requireNonNull(targets, "targets");
        // HTTP/1.1: the client's default, HTTP/2, asks every plain-http receiver to upgrade first
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.timeout())
                .build();
    }

    @Override
    public SendOutcome send(Attempt attempt) {
        Optional<String> refusal = targets.refusal(attempt.target());
        if (refusal.isPresent()) {
            return SendOutcome.failed("the target is refused: it " + refusal.get());
        }
        String body = EventJson.of(attempt.event());
        String id = EventJson.id(attempt.event());
        long timestamp = attempt.at().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(attempt.target())
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "order-service-webhooks")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", new Webhook(attempt.secret().value()).sign(id, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            return SendOutcome.failed("the target is not a URL this client can send to");
        } catch (EmptyWebhookSecretException | WebhookSigningException e) {
            throw new IllegalStateException("a valid webhook secret could not sign", e);
        }
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // the body is not needed: closing it unread tells the client to stop receiving it
            response.body().close();
            return SendOutcome.answered(response.statusCode());
        } catch (HttpTimeoutException e) {
            return SendOutcome.failed("no answer within " + settings.timeout().toSeconds() + " s");
        } catch (ConnectException e) {
            return SendOutcome.failed("the connection was refused or could not be made");
        } catch (IOException e) {
            return SendOutcome.failed("the exchange failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendOutcome.failed("interrupted while sending");
        }
    }
}
