package com.acme.orders.adapter.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.acme.orders.application.port.out.EventSender.Attempt;
import com.acme.orders.application.port.out.EventSender.SendOutcome;
import com.acme.orders.domain.order.Amount;
import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.order.OrderEvent;
import com.acme.orders.domain.order.OrderId;
import com.acme.orders.domain.order.ProductName;
import com.acme.orders.domain.order.StatusChange;
import com.acme.orders.domain.user.UserId;
import com.acme.orders.domain.webhook.WebhookSecret;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sender against a real receiver: an HTTP server of the JDK on loopback. */
class HttpEventSenderTest {

    private static final Instant PLACED = Instant.parse("2026-11-24T18:19:02.082Z");
    private static final Instant NOW = Instant.parse("2026-11-24T18:20:00.500Z");

    private final WebhookSecret secret = WebhookSecret.generate(new SecureRandom());
    /** The receiver is on loopback: private targets allowed, as in local development. */
    private final HttpEventSender sender =
            new HttpEventSender(new WebhookSettings(Duration.ofSeconds(1)), new PublicTargets(true));

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> statusByPath = new ConcurrentHashMap<>();
    private HttpServer receiver;

    /** One request as the receiver saw it; {@code fromPort} is the sender's end of the connection that carried it. */
    private record Received(String path, Map<String, List<String>> headers, String body, int fromPort) {}

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/", this::receive);
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private void receive(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(
                path,
                Map.copyOf(exchange.getRequestHeaders()),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                exchange.getRemoteAddress().getPort()));
        switch (path) {
            case "/slow" -> sleep(Duration.ofSeconds(3));
            case "/redirect" -> exchange.getResponseHeaders().add("Location", "/elsewhere");
            default -> {}
        }
        int status = statusByPath.getOrDefault(path, 200);
        if (path.equals("/huge")) {
            exchange.sendResponseHeaders(status, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 16 * 1024; i++) {
                    out.write(chunk);
                }
            } catch (IOException closedByTheSender) {
                // the sender closed the body unread: what it must do
            }
            return;
        }
        if (path.equals("/short-body")) {
            byte[] body = "{\"received\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            return;
        }
        if (path.equals("/stalled-body")) {
            exchange.sendResponseHeaders(status, 100);
            OutputStream out = exchange.getResponseBody();
            out.write("{\"recei".getBytes(StandardCharsets.UTF_8));
            out.flush();
            sleep(Duration.ofSeconds(3));
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private URI target(String path) {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + path);
    }

    private static OrderEvent event(String productName) {
        Order placed =
                Order.place(new OrderId(41), new UserId(7), new ProductName(productName), Amount.of("10"), PLACED);
        return OrderEvent.of(42, StatusChange.placement(PLACED), placed);
    }

    private SendOutcome send(String path) {
        return sender.send(new Attempt(target(path), secret, event("Laptop"), NOW));
    }

    private record Timed(SendOutcome outcome, Duration took) {}

    private Timed timedSend(String path) {
        long started = System.nanoTime();
        SendOutcome outcome = send(path);
        return new Timed(outcome, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Now: the library refuses to verify a signature older than five minutes. */
    private SendOutcome sendNow(String path, String productName) {
        return sender.send(new Attempt(target(path), secret, event(productName), Instant.now()));
    }

    @Test
    void a_delivery_is_a_post_of_the_event_json_that_the_standard_webhooks_library_verifies() throws Exception {
        Instant now = Instant.now();
        SendOutcome outcome = sender.send(new Attempt(target("/hook"), secret, event("Laptop"), now));

        assertThat(outcome.delivered()).isTrue();
        assertThat(outcome.statusCode()).isEqualTo(200);
        Received delivery = received.getFirst();
        assertThat(delivery.body())
                .isEqualTo("{\"id\":\"evt_42\",\"type\":\"order.created\",\"created_at\":\"2026-11-24T18:19:02.082Z\","
                        + "\"sequence\":1,\"data\":{\"id\":41,\"user_id\":7,\"product_name\":\"Laptop\","
                        + "\"amount\":10.00,\"status\":\"pending\",\"created_at\":\"2026-11-24T18:19:02.082Z\","
                        + "\"updated_at\":\"2026-11-24T18:19:02.082Z\"}}");
        Map<String, List<String>> headers = lowerCase(delivery.headers());
        assertThat(headers.get("webhook-id")).containsExactly("evt_42");
        assertThat(headers.get("webhook-timestamp")).containsExactly(Long.toString(now.getEpochSecond()));
        assertThat(headers.get("webhook-signature").getFirst()).startsWith("v1,");
        assertThat(headers.get("content-type")).containsExactly("application/json");
        // throws unless the signature is the secret's over id, timestamp and body
        new Webhook(secret.value()).verify(delivery.body(), headers);
    }

    @Test
    void a_signature_made_with_another_secret_does_not_verify() throws Exception {
        sendNow("/hook", "Laptop");
        Received delivery = received.getFirst();

        Webhook other = new Webhook(WebhookSecret.generate(new SecureRandom()).value());
        assertThat(catchThrowable(() -> other.verify(delivery.body(), lowerCase(delivery.headers()))))
                .isNotNull();
    }

    @Test
    void a_private_target_is_refused_before_any_connection_when_private_targets_are_not_allowed() {
        HttpEventSender strict =
                new HttpEventSender(new WebhookSettings(Duration.ofSeconds(1)), new PublicTargets(false));

        SendOutcome outcome = strict.send(new Attempt(target("/hook"), secret, event("Laptop"), NOW));

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.error()).startsWith("the target is refused");
        assertThat(received).isEmpty();
    }

    @Test
    void an_error_status_is_a_failed_attempt_with_that_status() {
        statusByPath.put("/broken", 500);

        SendOutcome outcome = send("/broken");

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.statusCode()).isEqualTo(500);
        assertThat(outcome.error()).contains("500");
    }

    @Test
    void a_redirect_is_not_followed_and_fails_the_attempt() {
        statusByPath.put("/redirect", 302);

        SendOutcome outcome = send("/redirect");

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.statusCode()).isEqualTo(302);
        assertThat(received).extracting(Received::path).containsExactly("/redirect");
    }

    @Test
    void a_receiver_that_does_not_answer_in_time_fails_the_attempt_at_the_timeout() {
        Timed timed = timedSend("/slow");
        SendOutcome outcome = timed.outcome();

        assertThat(timed.took()).isLessThan(Duration.ofMillis(2500));
        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.statusCode()).isZero();
        assertThat(outcome.error()).contains("no answer within 1 s");
    }

    @Test
    void a_refused_connection_fails_the_attempt() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        SendOutcome outcome =
                sender.send(new Attempt(URI.create("http://127.0.0.1:" + closedPort + "/"), secret, event("x"), NOW));

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.error()).isNotBlank();
    }

    @Test
    void a_short_answer_body_is_read_so_that_the_next_attempts_reuse_the_connection() {
        for (int i = 0; i < 10; i++) {
            assertThat(send("/short-body").delivered()).isTrue();
        }

        assertThat(received)
                .extracting(Received::fromPort)
                .containsOnly(received.getFirst().fromPort());
    }

    @Test
    void an_answer_whose_body_stalls_has_answered_and_ends_at_the_timeout() {
        Timed timed = timedSend("/stalled-body");
        SendOutcome outcome = timed.outcome();

        assertThat(timed.took()).isLessThan(Duration.ofMillis(2500));
        assertThat(outcome.delivered()).isTrue();
        assertThat(outcome.statusCode()).isEqualTo(200);
    }

    @Test
    void an_endless_answer_body_is_not_read_past_the_bound() {
        Timed timed = timedSend("/huge");
        SendOutcome outcome = timed.outcome();

        assertThat(outcome.delivered()).isTrue();
        assertThat(timed.took()).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void text_is_escaped_as_json_and_signed_as_sent() throws Exception {
        sendNow("/hook", "Say \"hi\" \\ ünï 日本");

        Received delivery = received.getFirst();
        assertThat(delivery.body()).contains("\"product_name\":\"Say \\\"hi\\\" \\\\ ünï 日本\"");
        new Webhook(secret.value()).verify(delivery.body(), lowerCase(delivery.headers()));
    }

    private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
        Map<String, List<String>> lower = new HashMap<>();
        headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), values));
        return lower;
    }
}
