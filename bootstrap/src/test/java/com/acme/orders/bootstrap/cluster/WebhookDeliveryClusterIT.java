package com.acme.orders.bootstrap.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook delivery across a cluster: three instances, each its own process, on one database with a one-second
 * processing interval, deliver the events of 5,000 orders (placed, processing, completed: 15,000 events) to one
 * receiver, and one of them is SIGKILLed while it delivers. Every event reaches the receiver, no event is delivered
 * twice at the same time (which two instances holding one claim would do), and the deliveries the killed instance had
 * claimed are made by the others once its claims expire.
 */
class WebhookDeliveryClusterIT {

    private static final int ORDERS = 5_000;
    private static final int EVENTS_PER_ORDER = 3;
    private static final String EMAIL = "webhooks@example.com";
    private static final String PASSWORD = "correct-horse-battery";

    @TempDir
    Path workDir;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void three_instances_deliver_every_event_never_twice_at_once_and_take_over_a_killed_instances_claims()
            throws Exception {
        try (ProcessingDatabase database = new ProcessingDatabase();
                CountingReceiver receiver = new CountingReceiver(Duration.ofMillis(5))) {
            Map<String, String> env = database.environment(Map.of(
                    "ORDER_PROCESSING_INTERVAL_SECONDS", "1",
                    "WEBHOOK_ALLOW_PRIVATE_TARGETS", "true",
                    // a short attempt bounds the claim's lease, so the killed instance's claims expire soon
                    "WEBHOOK_TIMEOUT_SECONDS", "2",
                    "WEBHOOK_RETRY_BASE_SECONDS", "1"));
            List<ServiceProcess> instances = new ArrayList<>();
            try {
                for (String name : List.of("a", "b", "c")) {
                    instances.add(ServiceProcess.start(name, workDir, env));
                }
                ServiceProcess a = instances.get(0);
                ServiceProcess victim = instances.get(1);
                ServiceProcess c = instances.get(2);
                String token = registerAndLogIn(a.port());
                JsonNode webhook = call(a.port(), "POST", "/webhooks", "{\"url\":\"" + receiver.url() + "\"}", token);
                assertThat(webhook.path("id").isMissingNode())
                        .as("the webhook was registered: %s", webhook)
                        .isFalse();

                // orders are placed on a and c; all three deliver, b until it is killed while it does
                Future<?> placing = placeOrders(List.of(a.port(), c.port()), token);
                awaitReceived(receiver, ORDERS, Duration.ofMinutes(2));
                int receivedAtKill = receiver.requests();
                long claimedAtKill = database.count(
                        "SELECT count(*) FROM webhook_deliveries WHERE state = 'pending' AND claimed_until > now()");
                victim.kill();
                placing.get();

                long events = database.count("SELECT count(*) FROM order_status_history");
                Instant deadline = Instant.now().plusSeconds(240);
                while ((receiver.distinct() < ORDERS * EVENTS_PER_ORDER
                                || database.count("SELECT count(*) FROM webhook_deliveries WHERE state <> 'delivered'")
                                        > 0)
                        && Instant.now().isBefore(deadline)) {
                    Thread.sleep(250);
                    events = database.count("SELECT count(*) FROM order_status_history");
                }

                System.out.printf(
                        "webhook cluster: %d events, %d requests received (%d at the kill, %d claims held then), "
                                + "%d distinct webhook-ids, %d received more than once, %d overlapping%n",
                        events,
                        receiver.requests(),
                        receivedAtKill,
                        claimedAtKill,
                        receiver.distinct(),
                        receiver.repeated(),
                        receiver.overlaps());
                assertThat(events).as("events written").isEqualTo((long) ORDERS * EVENTS_PER_ORDER);
                assertThat(database.count("SELECT count(*) FROM webhook_deliveries"))
                        .isEqualTo(events);
                assertThat(database.count("SELECT count(*) FROM webhook_deliveries WHERE state <> 'delivered'"))
                        .as("deliveries not delivered")
                        .isZero();
                assertThat(receiver.distinct()).as("distinct events received").isEqualTo(events);
                assertThat(receiver.overlaps())
                        .as("an event delivered while another delivery of it was still in progress")
                        .isZero();
            } finally {
                instances.forEach(ServiceProcess::close);
            }
        }
    }

    private Future<?> placeOrders(List<Integer> ports, String token) {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> placers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            placers.add(threads.submit(() -> {
                for (int i = next.getAndIncrement(); i < ORDERS; i = next.getAndIncrement()) {
                    JsonNode order = call(
                            ports.get(i % ports.size()),
                            "POST",
                            "/orders",
                            "{\"product_name\":\"Item " + i + "\",\"amount\":10}",
                            token);
                    if (!order.has("id")) {
                        throw new IllegalStateException("order " + i + " was not placed: " + order);
                    }
                }
                return null;
            }));
        }
        threads.shutdown();
        return Executors.newVirtualThreadPerTaskExecutor().submit(() -> {
            for (Future<?> placer : placers) {
                placer.get();
            }
            return null;
        });
    }

    private static void awaitReceived(CountingReceiver receiver, int requests, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (receiver.requests() < requests && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(receiver.requests()).as("requests received before the kill").isGreaterThanOrEqualTo(requests);
    }

    private String registerAndLogIn(int port) throws Exception {
        call(
                port,
                "POST",
                "/auth/register",
                "{\"name\":\"Hooks\",\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\"}",
                null);
        return call(
                        port,
                        "POST",
                        "/auth/login",
                        "{\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\"}",
                        null)
                .get("access_token")
                .asText();
    }

    private JsonNode call(int port, String method, String path, String body, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
    }

    /**
     * A receiver that answers 204 after a short delay and counts, per {@code webhook-id}, how often it came and whether
     * it came again while an earlier request with that id was still being answered.
     */
    private static final class CountingReceiver implements AutoCloseable {

        private final HttpServer server;
        private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        private final Duration delay;
        private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
        private final AtomicInteger requests = new AtomicInteger();
        private final AtomicInteger overlaps = new AtomicInteger();

        CountingReceiver(Duration delay) throws IOException {
            this.delay = delay;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            server.setExecutor(threads);
            server.createContext("/", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        private void handle(HttpExchange exchange) throws IOException {
            exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            requests.incrementAndGet();
            if (id == null) {
                exchange.sendResponseHeaders(400, -1);
                exchange.close();
                return;
            }
            if (!inFlight.add(id)) {
                overlaps.incrementAndGet();
            }
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            received.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
            inFlight.remove(id);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        }

        int requests() {
            return requests.get();
        }

        long distinct() {
            return received.size();
        }

        long repeated() {
            return received.values().stream().filter(count -> count.get() > 1).count();
        }

        int overlaps() {
            return overlaps.get();
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
