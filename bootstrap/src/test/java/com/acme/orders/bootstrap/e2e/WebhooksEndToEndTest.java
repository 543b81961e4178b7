package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Webhooks delivered by the whole service to real receivers on loopback (private targets allowed), with a retry base
 * of one second, attempts of at most one second and three attempts: signed deliveries of every event, retries at
 * growing intervals, a receiver that never answers given up, a rolled-back change delivering nothing, and two
 * instances on one database delivering each event once. A second service, with private targets refused, checks the
 * refusals at registration.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhooksEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunningService first;
    private RunningService second;
    private RunningService guarded;
    private ApiClient api;

    @BeforeAll
    void start() {
        Map<String, String> webhooks = Map.of(
                "WEBHOOK_ALLOW_PRIVATE_TARGETS", "true",
                "WEBHOOK_RETRY_BASE_SECONDS", "1",
                "WEBHOOK_TIMEOUT_SECONDS", "1",
                "WEBHOOK_MAX_ATTEMPTS", "3");
        first = RunningService.start(webhooks);
        second = RunningService.startOn(first.database(), webhooks);
        guarded = RunningService.start();
        api = first.client();
    }

    @AfterAll
    void stop() {
        guarded.close();
        second.close();
        first.close();
    }

    private static String register(ApiClient client, String token, String url) {
        ApiClient.Response answer = client.post("/webhooks", "{\"url\":\"" + url + "\"}", token);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().toString();
    }

    private static Map<String, List<String>> signatureHeaders(WebhookReceiver.Received received) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
            headers.put(name, received.headers().get(name));
        }
        return headers;
    }

    @Test
    void each_event_of_a_placed_and_cancelled_order_arrives_signed_within_about_a_second() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering200()) {
            String token = api.newUserToken();
            JsonNode webhook = JSON.readTree(register(api, token, receiver.url()));
            String secret = webhook.get("secret").asText();

            Instant placedAt = Instant.now();
            long orderId = api.placeOrder(token, "Laptop", "999.99");
            List<WebhookReceiver.Received> created = receiver.awaitReceived(1, Duration.ofSeconds(10));
            assertThat(created).hasSize(1);
            assertThat(Duration.between(placedAt, created.getFirst().at())).isLessThan(Duration.ofMillis(2500));
            assertThat(api.patch("/orders/" + orderId + "/cancel", token).status())
                    .isEqualTo(200);
            List<WebhookReceiver.Received> both = receiver.awaitReceived(2, Duration.ofSeconds(10));

            assertThat(both).hasSize(2);
            JsonNode feed = api.get("/events", token).json().get("events");
            for (int i = 0; i < 2; i++) {
                WebhookReceiver.Received received = both.get(i);
                new Webhook(secret).verify(received.body(), signatureHeaders(received));
                JsonNode event = JSON.readTree(received.body());
                assertThat(received.header("webhook-id"))
                        .isEqualTo(event.get("id").asText());
                assertThat(received.header("content-type")).startsWith("application/json");
                assertThat(event).isEqualTo(feed.get(i));
            }
            assertThat(JSON.readTree(both.get(0).body()).get("type").asText()).isEqualTo("order.created");
            assertThat(JSON.readTree(both.get(1).body()).get("type").asText()).isEqualTo("order.cancelled");
            assertThat(JSON.readTree(both.get(1).body()).get("sequence").asInt())
                    .isEqualTo(2);
        }
    }

    @Test
    void a_signature_made_with_another_secret_does_not_verify() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering200()) {
            String token = api.newUserToken();
            register(api, token, receiver.url());
            String other = JSON.readTree(register(api, api.newUserToken(), receiver.url()))
                    .get("secret")
                    .asText();
            api.placeOrder(token, "Laptop", "1.00");

            WebhookReceiver.Received received =
                    receiver.awaitReceived(1, Duration.ofSeconds(10)).getFirst();

            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> new Webhook(other).verify(received.body(), signatureHeaders(received)))
                    .isInstanceOf(com.standardwebhooks.exceptions.WebhookVerificationException.class);
        }
    }

    /** The value of one series in both instances' scrapes, summed; -1 when an instance does not publish it. */
    private double metric(String series) {
        double sum = 0;
        for (RunningService instance : List.of(first, second)) {
            String line = instance.managementClient()
                    .get("/metrics", null)
                    .body()
                    .lines()
                    .filter(l -> l.startsWith(series + " "))
                    .findFirst()
                    .orElse(null);
            if (line == null) {
                return -1;
            }
            sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
        return sum;
    }

    @Test
    void attempts_are_counted_by_outcome_and_the_backlog_is_published() throws Exception {
        String retrying = "orders_webhook_attempts_total{outcome=\"retrying\"}";
        String failed = "orders_webhook_attempts_total{outcome=\"failed\"}";
        String delivered = "orders_webhook_attempts_total{outcome=\"delivered\"}";
        assertThat(metric("orders_webhook_deliveries_due")).isGreaterThanOrEqualTo(0);
        assertThat(metric("orders_webhook_oldest_due_age_seconds")).isGreaterThanOrEqualTo(0);
        double retryingBefore = metric(retrying);
        double failedBefore = metric(failed);
        double deliveredBefore = metric(delivered);
        assertThat(List.of(retryingBefore, failedBefore, deliveredBefore)).allMatch(value -> value >= 0);
        try (WebhookReceiver receiver = WebhookReceiver.answering(n -> 500)) {
            String token = api.newUserToken();
            register(api, token, receiver.url());
            api.placeOrder(token, "Laptop", "5.00");

            // three attempts (WEBHOOK_MAX_ATTEMPTS): two retried, the last fails the delivery
            assertThat(receiver.awaitReceived(3, Duration.ofSeconds(20))).hasSize(3);
            Instant deadline = Instant.now().plusSeconds(10);
            while (metric(failed) < failedBefore + 1 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
        }

        // other tests' deliveries may be counted meanwhile: at least these
        assertThat(metric(retrying)).isGreaterThanOrEqualTo(retryingBefore + 2);
        assertThat(metric(failed)).isGreaterThanOrEqualTo(failedBefore + 1);
        assertThat(metric(delivered)).isGreaterThanOrEqualTo(deliveredBefore);
    }

    @Test
    void a_receiver_failing_twice_gets_the_same_event_three_times_at_growing_intervals() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering(n -> n <= 2 ? 500 : 200)) {
            String token = api.newUserToken();
            long webhookId = JSON.readTree(register(api, token, receiver.url()))
                    .get("id")
                    .asLong();
            api.placeOrder(token, "Laptop", "5.00");

            List<WebhookReceiver.Received> received = receiver.awaitReceived(3, Duration.ofSeconds(20));

            assertThat(received).hasSize(3);
            assertThat(received.stream().map(r -> r.header("webhook-id")).distinct())
                    .hasSize(1);
            Duration firstGap =
                    Duration.between(received.get(0).at(), received.get(1).at());
            Duration secondGap =
                    Duration.between(received.get(1).at(), received.get(2).at());
            assertThat(firstGap).isBetween(Duration.ofMillis(900), Duration.ofMillis(3000));
            assertThat(secondGap).isBetween(Duration.ofMillis(1900), Duration.ofMillis(4500));
            assertThat(secondGap).isGreaterThan(firstGap);
            Thread.sleep(3000);
            assertThat(receiver.received()).hasSize(3);

            JsonNode attempts =
                    api.get("/webhooks/" + webhookId + "/deliveries", token).json();
            assertThat(attempts).hasSize(3);
            assertThat(attempts.get(0).get("attempt").asInt()).isEqualTo(3);
            assertThat(attempts.get(0).get("status_code").asInt()).isEqualTo(200);
            assertThat(attempts.get(0).get("state").asText()).isEqualTo("delivered");
            assertThat(attempts.get(2).get("status_code").asInt()).isEqualTo(500);
            assertThat(attempts.get(2).get("error").asText()).contains("500");
        }
    }

    @Test
    void a_receiver_that_never_answers_is_tried_until_the_delivery_fails_and_the_attempts_are_listed()
            throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering(n -> WebhookReceiver.NO_ANSWER)) {
            String token = api.newUserToken();
            long webhookId = JSON.readTree(register(api, token, receiver.url()))
                    .get("id")
                    .asLong();
            api.placeOrder(token, "Laptop", "5.00");

            assertThat(receiver.awaitReceived(3, Duration.ofSeconds(30))).hasSize(3);
            JsonNode attempts = awaitState(token, webhookId, "failed", Duration.ofSeconds(10));

            assertThat(attempts).hasSize(3);
            for (int i = 0; i < 3; i++) {
                JsonNode attempt = attempts.get(i);
                assertThat(attempt.get("attempt").asInt()).isEqualTo(3 - i);
                assertThat(attempt.get("status_code").isNull()).isTrue();
                assertThat(attempt.get("error").asText()).contains("no answer within 1 s");
                assertThat(attempt.get("state").asText()).isEqualTo("failed");
                assertThat(attempt.get("next_attempt_at").isNull()).isTrue();
                assertThat(attempt.get("type").asText()).isEqualTo("order.created");
            }
            Thread.sleep(3000);
            assertThat(receiver.received()).hasSize(3);
        }
    }

    private JsonNode awaitState(String token, long webhookId, String state, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode attempts;
        do {
            attempts = api.get("/webhooks/" + webhookId + "/deliveries", token).json();
            if (!attempts.isEmpty() && attempts.get(0).get("state").asText().equals(state)) {
                return attempts;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return attempts;
    }

    @Test
    void a_change_that_rolls_back_creates_no_delivery() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering200()) {
            String token = api.newUserToken();
            register(api, token, receiver.url());
            long userId = api.get("/auth/me", token).json().get("id").asLong();
            String placement = """
                    WITH placed AS (
                        INSERT INTO orders (id, user_id, product_name, amount, status, created_at, updated_at)
                        VALUES (nextval('orders_id_seq'), %d, 'Rolled back', 1.00, 'pending', now(), now())
                        RETURNING id, user_id
                    )
                    INSERT INTO order_status_history (order_id, user_id, from_status, to_status, at, actor, sequence)
                    SELECT id, user_id, NULL, 'pending', now(), 'user', 1 FROM placed;
                    """.formatted(userId);
            String deliveries = "SELECT count(*) FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id "
                    + "WHERE w.user_id = " + userId;

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestSql.execute(
                            first.database(), "DO $$ BEGIN " + placement + " RAISE EXCEPTION 'rolled back'; END $$"))
                    .hasMessageContaining("rolled back");
            Thread.sleep(2000);

            assertThat(TestSql.queryLong(first.database(), deliveries)).isZero();
            assertThat(receiver.received()).isEmpty();

            TestSql.execute(first.database(), "DO $$ BEGIN " + placement + " END $$");
            assertThat(receiver.awaitReceived(1, Duration.ofSeconds(10))).hasSize(1);
            assertThat(TestSql.queryLong(first.database(), deliveries)).isEqualTo(1);
        }
    }

    @Test
    void two_instances_on_one_database_deliver_each_event_once() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering200()) {
            String token = api.newUserToken();
            register(api, token, receiver.url());
            ApiClient other = second.client();
            int orders = 30;
            for (int i = 0; i < orders; i++) {
                (i % 2 == 0 ? api : other).placeOrder(token, "Item " + i, "1.00");
            }

            assertThat(receiver.awaitReceived(orders, Duration.ofSeconds(20))).hasSize(orders);
            Thread.sleep(2000);

            Map<String, Long> perEvent = receiver.received().stream()
                    .collect(Collectors.groupingBy(r -> r.header("webhook-id"), Collectors.counting()));
            assertThat(perEvent).hasSize(orders);
            assertThat(perEvent.values()).containsOnly(1L);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1/hook",
                "http://10.0.0.1/hook",
                "http://169.254.169.254/latest/meta-data",
                "http://[::1]/hook",
                "http://localhost:8080/hook",
                "http://192.168.1.10/hook"
            })
    void a_url_leading_into_a_private_network_is_refused_at_registration(String url) {
        ApiClient client = guarded.client();

        ApiClient.Response answer = client.post("/webhooks", "{\"url\":\"" + url + "\"}", client.newUserToken());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.json().get("type").asText()).isEqualTo("/problems/webhook-target-refused");
    }
}
