package com.acme.orders.adapter.webhooks;

import com.acme.orders.application.port.out.EventSender;
import com.acme.orders.application.port.out.WebhookTargets;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Webhooks over the JDK's HTTP client: a {@code POST} of the event's JSON with the Standard Webhooks headers
 * ({@code webhook-id} the event's id, the same on every attempt; {@code webhook-timestamp} this attempt's second;
 * {@code webhook-signature} {@code v1,} and the HMAC-SHA256 of {@code id.timestamp.body}).
 *
 * <p>The target is checked again right before each attempt ({@link WebhookTargets}): a name that resolved to a public
 * address at registration may resolve to a private one now. Redirects are never followed (a redirect could lead anywhere, a private address included): a 3xx is a failed
 * attempt. Of the answer only the status counts. Its body is read and dropped up to {@link #BODY_READ_LIMIT} bytes,
 * so that the connection can carry the next attempt to the same receiver (a body closed unread closes it, and each
 * attempt would pay a new connection and, over HTTPS, a new handshake); a longer body closes the connection there.
 * Connecting, waiting for the status and reading that much of the body together take at most the settings' timeout;
 * a receiver that answers and then stalls its body has answered.
 */
public final class HttpEventSender implements EventSender {

    /** The most of an answer's body that is read (and dropped) to keep its connection for the next attempt. */
    static final int BODY_READ_LIMIT = 16 * 1024;

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
        AtomicInteger status = new AtomicInteger();
        CompletableFuture<HttpResponse<Void>> exchange = client.sendAsync(request, answer -> {
            status.set(answer.statusCode());
            return new BoundedDiscard(BODY_READ_LIMIT);
        });
        try {
            return SendOutcome.answered(exchange.get(settings.timeout().toNanos(), TimeUnit.NANOSECONDS)
                    .statusCode());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return status.get() != 0 ? SendOutcome.answered(status.get()) : noAnswerInTime();
        } catch (ExecutionException e) {
            return switch (e.getCause()) {
                case HttpTimeoutException timeout -> noAnswerInTime();
                case ConnectException refused -> SendOutcome.failed("the connection was refused or could not be made");
                case Throwable other ->
                    SendOutcome.failed(
                            "the exchange failed: " + other.getClass().getSimpleName());
            };
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return SendOutcome.failed("interrupted while sending");
        }
    }

    private SendOutcome noAnswerInTime() {
        return SendOutcome.failed("no answer within " + settings.timeout().toSeconds() + " s");
    }

    /**
     * Takes an answer's body and drops it; past {@code limit} bytes it cancels the body, which closes the connection,
     * and is done.
     */
    private static final class BoundedDiscard implements HttpResponse.BodySubscriber<Void> {

        private final long limit;
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private long seen;

        BoundedDiscard(long limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<Void> getBody() {
            return done;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                seen += buffer.remaining();
            }
            if (seen > limit) {
                subscription.cancel();
                done.complete(null);
            }
        }

        @Override
        public void onError(Throwable failure) {
            done.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }
    }
}
