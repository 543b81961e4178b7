package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyEndToEndTest extends ServiceTest {

    private static final String LAPTOP = "{\"product_name\":\"Laptop\",\"amount\":999.99}";

    private ApiClient.Response post(String body, String token, String key) {
        return api.send(api.request("/orders", token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private long ordersOf(String token) {
        return api.get("/orders", token).json().get("total").asLong();
    }

    private static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    @Test
    void a_retry_with_the_same_key_and_body_replays_status_body_and_location_and_creates_one_order() {
        String token = api.newUserToken();
        String key = newKey();

        ApiClient.Response first = post(LAPTOP, token, key);
        ApiClient.Response again = post(LAPTOP, token, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Location"))
                .contains("/orders/" + first.json().get("id").asLong());
        assertThat(first.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("Content-Type")).isEqualTo(first.header("Content-Type"));
        assertThat(ordersOf(token)).isEqualTo(1);
    }

    @Test
    void the_replay_is_the_first_answer_even_after_the_order_changed() {
        String token = api.newUserToken();
        String key = newKey();
        ApiClient.Response first = post(LAPTOP, token, key);
        api.patch("/orders/" + first.json().get("id").asLong() + "/cancel", token);

        ApiClient.Response again = post(LAPTOP, token, key);

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.json().get("status").asText()).isEqualTo("pending");
    }

    @Test
    void the_same_amount_written_differently_is_the_same_request() {
        String token = api.newUserToken();
        String key = newKey();
        ApiClient.Response first = post("{\"product_name\":\"Laptop\",\"amount\":10}", token, key);

        ApiClient.Response again = post("{\"amount\":10.00,\"product_name\":\"Laptop\"}", token, key);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(ordersOf(token)).isEqualTo(1);
    }

    @Test
    void the_same_key_with_a_different_body_answers_422_and_creates_nothing() {
        String token = api.newUserToken();
        String key = newKey();
        post(LAPTOP, token, key);

        ApiClient.Response reused = post("{\"product_name\":\"Laptop\",\"amount\":999.98}", token, key);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(reused.json().get("type").asText()).isEqualTo("/problems/idempotency-key-reused");
        assertThat(reused.json().get("status").asInt()).isEqualTo(422);
        assertThat(reused.json().get("request_id").asText()).isNotBlank();
        assertThat(ordersOf(token)).isEqualTo(1);
    }

    @Test
    void without_a_key_every_request_creates_an_order() {
        String token = api.newUserToken();

        api.post("/orders", LAPTOP, token);
        api.post("/orders", LAPTOP, token);

        assertThat(ordersOf(token)).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", " ", "tab\tinside"})
    void an_empty_or_non_printable_key_answers_400_naming_the_header_and_creates_nothing(String key) {
        String token = api.newUserToken();

        ApiClient.Response response = post(LAPTOP, token, key);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/validation");
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("Idempotency-Key");
        assertThat(ordersOf(token)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-8", "ISO-8859-1"})
    void a_non_ascii_key_sent_over_a_socket_answers_400_and_creates_nothing(String charset) throws IOException {
        String token = api.newUserToken();
        byte[] body = LAPTOP.getBytes(StandardCharsets.US_ASCII);
        String response;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), service.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Authorization: Bearer " + token + "\r\nContent-Length: " + body.length + "\r\n"
                            + "Connection: close\r\nIdempotency-Key: ")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write("caf\u00e9-\u20ac".getBytes(Charset.forName(charset)));
            out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(ordersOf(token)).isZero();
    }

    @Test
    void a_key_of_256_characters_answers_400_and_of_255_is_accepted() {
        String token = api.newUserToken();

        ApiClient.Response tooLong = post(LAPTOP, token, "k".repeat(256));
        ApiClient.Response longest = post(LAPTOP, token, "k".repeat(255));

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").findValuesAsText("field")).containsExactly("Idempotency-Key");
        assertThat(longest.status()).isEqualTo(201);
        assertThat(ordersOf(token)).isEqualTo(1);
    }

    @Test
    void keys_are_per_user_so_the_same_key_of_two_users_creates_two_orders() {
        String alice = api.newUserToken();
        String bob = api.newUserToken();
        String key = newKey();

        ApiClient.Response forAlice = post(LAPTOP, alice, key);
        ApiClient.Response forBob = post("{\"product_name\":\"Phone\",\"amount\":5}", bob, key);

        assertThat(forAlice.status()).isEqualTo(201);
        assertThat(forBob.status()).isEqualTo(201);
        assertThat(forBob.json().get("id").asLong())
                .isNotEqualTo(forAlice.json().get("id").asLong());
        assertThat(ordersOf(alice)).isEqualTo(1);
        assertThat(ordersOf(bob)).isEqualTo(1);
    }

    @Test
    void a_key_older_than_24_hours_is_treated_as_new() {
        String token = api.newUserToken();
        String key = newKey();
        ApiClient.Response first = post(LAPTOP, token, key);
        TestSql.execute(
                service.database(),
                "UPDATE idempotency_keys SET created_at = now() - interval '25 hours'" + " WHERE idempotency_key = '"
                        + key + "'");

        ApiClient.Response second = post("{\"product_name\":\"Phone\",\"amount\":5}", token, key);

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("id").asLong())
                .isNotEqualTo(first.json().get("id").asLong());
        assertThat(ordersOf(token)).isEqualTo(2);
    }

    @Test
    void a_key_in_flight_answers_409_with_retry_after() {
        String token = api.newUserToken();
        String key = newKey();
        post(LAPTOP, token, key);
        // as if the first request had claimed the key and were still placing its order
        TestSql.execute(
                service.database(),
                "UPDATE idempotency_keys SET status = 'in_flight', order_id = NULL,"
                        + " response_status = NULL, response_body = NULL WHERE idempotency_key = '" + key + "'");

        ApiClient.Response inFlight = post(LAPTOP, token, key);

        assertThat(inFlight.status()).isEqualTo(409);
        assertThat(inFlight.json().get("type").asText()).isEqualTo("/problems/idempotency-key-in-flight");
        assertThat(inFlight.header("Retry-After")).contains("1");
    }

    @Test
    void fifty_concurrent_identical_requests_create_exactly_one_order() throws Exception {
        String token = api.newUserToken();
        String key = newKey();
        int requests = 50;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        List<ApiClient.Response> responses = new ArrayList<>();
        try {
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                Callable<ApiClient.Response> request = () -> {
                    start.await();
                    return post(LAPTOP, token, key);
                };
                futures.add(pool.submit(request));
            }
            start.countDown();
            for (Future<ApiClient.Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(responses)
                .extracting(ApiClient.Response::status)
                .allMatch(status -> status == 201 || status == 409)
                .contains(201);
        Set<String> createdBodies = new HashSet<>();
        Set<String> locations = new HashSet<>();
        for (ApiClient.Response response : responses) {
            if (response.status() == 201) {
                createdBodies.add(response.body());
                locations.add(response.header("Location").orElseThrow());
            } else {
                assertThat(response.json().get("type").asText()).isEqualTo("/problems/idempotency-key-in-flight");
            }
        }
        assertThat(createdBodies).hasSize(1);
        assertThat(locations).hasSize(1);
        assertThat(ordersOf(token)).isEqualTo(1);
        // and once the first finished, a retry replays it
        ApiClient.Response retry = post(LAPTOP, token, key);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(createdBodies).containsExactly(retry.body());
    }
}
