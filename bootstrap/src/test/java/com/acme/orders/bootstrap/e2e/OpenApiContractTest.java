package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.persistence.EmbeddedDatabase;
import com.acme.orders.adapter.persistence.testing.TestDatabase;
import com.acme.orders.bootstrap.AppConfig;
import com.acme.orders.bootstrap.OrderServiceApp;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract test: real requests through the running server, for every operation and every answer the OpenAPI
 * document lists, each exchange checked against the served document by the Atlassian validator. The last test proves
 * that every documented answer was seen, so the document cannot promise an answer the server never gives, nor miss one
 * it does give (that would fail its exchange's check).
 *
 * <p>The service runs on a private embedded PostgreSQL so that the 503 answers can be produced by stopping it, with
 * its management port equal to its API port so that one listener serves every documented operation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiContractTest {

    private static final String PASSWORD = "securepass123";
    private static final String LAPTOP = "{\"product_name\":\"Laptop\",\"amount\":999.99}";
    /** A webhook target on loopback where nothing listens. */
    private static final String NOWHERE = "http://127.0.0.1:9/hook";

    private static final int ATTEMPTS_PER_MINUTE = 60;
    private static final int FAILURES_PER_ACCOUNT = 3;

    @TempDir
    static Path dataDir;

    private int databasePort;
    private EmbeddedDatabase database;
    private OrderServiceApp app;
    private ApiClient plain;
    private ContractCheckedClient api;

    @BeforeAll
    void start() throws IOException {
        databasePort = freePort();
        database = EmbeddedDatabase.start(dataDir.resolve("postgres"), databasePort);
        Map<String, String> env = new HashMap<>(RunningService.baseEnvironment());
        env.put("DATABASE_URL", TestDatabase.url(database.settings()));
        env.put("LOGIN_RATE_PER_MINUTE_PER_ADDRESS", Integer.toString(ATTEMPTS_PER_MINUTE));
        env.put("LOGIN_FAILURES_PER_ACCOUNT", Integer.toString(FAILURES_PER_ACCOUNT));
        // one listener serves every documented operation, the metrics included
        String port = Integer.toString(freePort());
        env.put("APP_PORT", port);
        env.put("MANAGEMENT_PORT", port);
        // the 408 of a request that never arrives whole, within a second
        env.put("REQUEST_READ_TIMEOUT_SECONDS", "1");
        // webhooks to a loopback port where nothing listens: registered, and their deliveries simply fail
        env.put("WEBHOOK_ALLOW_PRIVATE_TARGETS", "true");
        app = OrderServiceApp.start(AppConfig.from(env));
        plain = new ApiClient(app.port());
        api = new ContractCheckedClient(
                plain.base(), plain.get("/openapi.json", null).body());
    }

    @AfterAll
    void stop() {
        app.stop();
        database.close();
    }

    @Test
    @Order(1)
    void the_service_pages_answer_as_documented() {
        api.get("/").expect(200);
        api.get("/health/live").expect(200);
        api.get("/health/ready").header("X-Request-Id", "contract-test-1").expect(200);
        api.get("/metrics").expect(200);
        api.get("/openapi.json").expect(200);
        api.get("/openapi.yaml").expect(200);
        api.get("/docs").expect(200);
        api.get("/redoc").expect(200);
    }

    @Test
    @Order(2)
    void every_order_operation_answers_as_documented_when_used_as_intended() {
        String email = "john-" + UUID.randomUUID() + "@example.com";
        api.post("/auth/register")
                .json("{\"name\":\"John Doe\",\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .expect(201);
        String refreshToken = api.post("/auth/login")
                .json("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .expect(200)
                .json()
                .get("refresh_token")
                .asText();
        String token = api.post("/auth/refresh")
                .json("{\"refresh_token\":\"" + refreshToken + "\"}")
                .expect(200)
                .json()
                .get("access_token")
                .asText();
        api.get("/auth/me").token(token).expect(200);

        long first = api.post("/orders")
                .token(token)
                .json(LAPTOP)
                .expect(201)
                .json()
                .get("id")
                .asLong();
        String key = "contract-" + UUID.randomUUID();
        ApiClient.Response placed = api.post("/orders")
                .token(token)
                .header("Idempotency-Key", key)
                .json("{\"product_name\":\"Mouse\",\"amount\":25}")
                .expect(201);
        ApiClient.Response replayed = api.post("/orders")
                .token(token)
                .header("Idempotency-Key", key)
                .json("{\"product_name\":\"Mouse\",\"amount\":25}")
                .expect(201);
        assertThat(replayed.body()).isEqualTo(placed.body());

        api.get("/orders").token(token).expect(200);
        String cursor = api.get("/orders?status=pending&limit=1")
                .token(token)
                .expect(200)
                .json()
                .get("next_cursor")
                .asText();
        api.get("/orders?status=pending&limit=1&cursor=" + cursor).token(token).expect(200);
        api.get("/orders/" + first).token(token).expect(200);
        api.patch("/orders/" + first + "/cancel").token(token).expect(200);
        api.get("/orders/" + first + "/history").token(token).expect(200);
        String next = api.get("/events?limit=1")
                .token(token)
                .expect(200)
                .json()
                .get("next_cursor")
                .asText();
        api.get("/events?after=" + next + "&limit=100&wait=0").token(token).expect(200);

        long webhook = api.post("/webhooks")
                .token(token)
                .json("{\"url\":\"" + NOWHERE + "\",\"events\":[\"order.created\"]}")
                .expect(201)
                .json()
                .get("id")
                .asLong();
        api.post("/webhooks").token(token).json("{\"url\":\"" + NOWHERE + "\"}").expect(201);
        api.get("/webhooks").token(token).expect(200);
        api.get("/webhooks/" + webhook).token(token).expect(200);
        api.get("/webhooks/" + webhook + "/deliveries").token(token).expect(200);
        api.call("DELETE", "/webhooks/" + webhook).token(token).expect(204);

        api.post("/auth/logout").token(token).expect(204);
    }

    @Test
    @Order(3)
    void bad_registrations_and_log_ins_answer_as_documented() {
        String email = plain.register(PASSWORD);
        api.post("/auth/register")
                .json("{\"name\":\"J\",\"email\":\"j@example.com\",\"password\":\"" + PASSWORD + "\"}")
                .breaksDocument()
                .expect(400);
        api.post("/auth/register")
                .json("{\"name\":\"John\",\"email\":\"j@example.com\",\"password\":\"" + PASSWORD
                        + "\",\"role\":\"admin\"}")
                .breaksDocument()
                .expect(400);
        api.post("/auth/register").json("{\"name\":\"John\",").breaksDocument().expect(400);
        api.post("/auth/register")
                .json("{\"name\":\"Jane Doe\",\"email\":\"" + email.toUpperCase(Locale.ROOT) + "\",\"password\":\""
                        + PASSWORD + "\"}")
                .expect(409);
        api.post("/auth/register")
                .json("{\"name\":\"" + "x".repeat(70_000) + "\",\"email\":\"j@example.com\"," + "\"password\":\""
                        + PASSWORD + "\"}")
                .breaksDocument()
                .expect(413);
        api.post("/auth/register")
                .body("text/plain", "name=John")
                .breaksDocument()
                .expect(415);

        api.post("/auth/login")
                .json("{\"email\":\"" + email + "\"}")
                .breaksDocument()
                .expect(400);
        api.post("/auth/login")
                .json("{\"email\":\"" + email + "\",\"password\":\"wrong-password\"}")
                .expect(401);
        api.post("/auth/login")
                .json("{\"email\":\"" + email + "\",\"password\":\"" + "x".repeat(70_000) + "\"}")
                .breaksDocument()
                .expect(413);
        api.post("/auth/login")
                .body("application/x-www-form-urlencoded", "email=a&password=b")
                .breaksDocument()
                .expect(415);

        api.post("/auth/refresh").json("{}").breaksDocument().expect(400);
        api.post("/auth/refresh")
                .json("{\"refresh_token\":\"not-a-token-of-ours\"}")
                .expect(401);
        api.post("/auth/refresh")
                .json("{\"refresh_token\":\"" + "x".repeat(70_000) + "\"}")
                .breaksDocument()
                .expect(413);
        api.post("/auth/refresh")
                .body("text/plain", "refresh_token=x")
                .breaksDocument()
                .expect(415);
        api.post("/auth/logout").breaksDocument().expect(401);
        api.post("/auth/logout").token("not-a-token").expect(401);
        api.get("/auth/me").breaksDocument().expect(401);
        api.get("/auth/me").token("not-a-token").expect(401);
    }

    @Test
    @Order(4)
    void bad_order_requests_answer_as_documented() {
        String token = plain.newUserToken();
        String someoneElses = plain.newUserToken();
        long order = plain.placeOrder(token, "Laptop", "999.99");
        long notMine = plain.placeOrder(someoneElses, "Laptop", "999.99");

        api.post("/orders")
                .token(token)
                .json("{\"product_name\":\"Laptop\",\"amount\":0}")
                .breaksDocument()
                .expect(400);
        api.post("/orders")
                .token(token)
                .json("{\"product_name\":\"Laptop\",\"amount\":1.234}")
                .breaksDocument()
                .expect(400);
        api.post("/orders")
                .token(token)
                .json("{\"product_name\":\"Laptop\",\"amount\":1000000000.01}")
                .breaksDocument()
                .expect(400);
        api.post("/orders")
                .token(token)
                .json("{\"product_name\":\"   \",\"amount\":10}")
                .breaksDocument()
                .expect(400);
        api.post("/orders")
                .token(token)
                .json("{\"product_name\":\"" + "x".repeat(201) + "\",\"amount\":10}")
                .breaksDocument()
                .expect(400);
        api.post("/orders")
                .token(token)
                .json("{\"product_name\":\"Laptop\",\"amount\":10,\"status\":\"completed\"}")
                .breaksDocument()
                .expect(400);
        api.post("/orders")
                .token(token)
                .header("Idempotency-Key", "k".repeat(256))
                .json(LAPTOP)
                .breaksDocument()
                .expect(400);
        api.post("/orders").json(LAPTOP).breaksDocument().expect(401);
        api.post("/orders").token("not-a-token").json(LAPTOP).expect(401);
        api.post("/orders")
                .token(token)
                .json("{\"product_name\":\"" + "x".repeat(70_000) + "\",\"amount\":1}")
                .breaksDocument()
                .expect(413);
        api.post("/orders")
                .token(token)
                .body("text/plain", "Laptop 999.99")
                .breaksDocument()
                .expect(415);

        String key = "contract-" + UUID.randomUUID();
        api.post("/orders")
                .token(token)
                .header("Idempotency-Key", key)
                .json(LAPTOP)
                .expect(201);
        api.post("/orders")
                .token(token)
                .header("Idempotency-Key", key)
                .json("{\"product_name\":\"Laptop\",\"amount\":899.99}")
                .expect(422);
        // as if the first request had claimed the key and were still placing its order
        TestSql.execute(
                database.settings(),
                "UPDATE idempotency_keys SET status = 'in_flight', order_id = NULL,"
                        + " response_status = NULL, response_body = NULL WHERE idempotency_key = '" + key + "'");
        api.post("/orders")
                .token(token)
                .header("Idempotency-Key", key)
                .json(LAPTOP)
                .expect(409);

        api.get("/orders?status=shipped").token(token).breaksDocument().expect(400);
        api.get("/orders?limit=0").token(token).breaksDocument().expect(400);
        api.get("/orders?limit=101").token(token).breaksDocument().expect(400);
        api.get("/orders?cursor=not-a-cursor").token(token).expect(400);
        api.get("/orders").breaksDocument().expect(401);

        api.get("/orders/abc").token(token).breaksDocument().expect(400);
        api.get("/orders/" + order).breaksDocument().expect(401);
        api.get("/orders/" + notMine).token(token).expect(404);

        api.patch("/orders/0/cancel").token(token).breaksDocument().expect(400);
        api.patch("/orders/" + order + "/cancel").token("not-a-token").expect(401);
        api.patch("/orders/" + notMine + "/cancel").token(token).expect(404);
        api.patch("/orders/" + order + "/cancel").token(token).expect(200);
        api.patch("/orders/" + order + "/cancel").token(token).expect(409);

        api.get("/orders/-1/history").token(token).breaksDocument().expect(400);
        api.get("/orders/" + order + "/history").token("not-a-token").expect(401);
        api.get("/orders/999999999/history").token(token).expect(404);

        api.get("/events?limit=0").token(token).breaksDocument().expect(400);
        api.get("/events?wait=31").token(token).breaksDocument().expect(400);
        api.get("/events?after=not-a-cursor").token(token).expect(400);
        api.get("/events").breaksDocument().expect(401);
        api.get("/events").token("not-a-token").expect(401);

        long webhook = plain.post("/webhooks", "{\"url\":\"" + NOWHERE + "\"}", token)
                .json()
                .get("id")
                .asLong();
        long notMyWebhook = plain.post("/webhooks", "{\"url\":\"" + NOWHERE + "\"}", someoneElses)
                .json()
                .get("id")
                .asLong();
        api.post("/webhooks")
                .token(token)
                .json("{\"url\":\"ftp://x/\"}")
                .breaksDocument()
                .expect(400);
        api.post("/webhooks")
                .token(token)
                .json("{\"url\":\"" + NOWHERE + "\",\"events\":[\"order.shipped\"]}")
                .breaksDocument()
                .expect(400);
        api.post("/webhooks")
                .token(token)
                .json("{\"url\":\"http://no-such-host.invalid/hook\"}")
                .expect(400);
        api.post("/webhooks")
                .json("{\"url\":\"" + NOWHERE + "\"}")
                .breaksDocument()
                .expect(401);
        api.post("/webhooks")
                .token("not-a-token")
                .json("{\"url\":\"" + NOWHERE + "\"}")
                .expect(401);
        api.post("/webhooks")
                .token(token)
                .json("{\"url\":\"" + NOWHERE + "?" + "x".repeat(70_000) + "\"}")
                .breaksDocument()
                .expect(413);
        api.post("/webhooks")
                .token(token)
                .body("text/plain", NOWHERE)
                .breaksDocument()
                .expect(415);
        api.get("/webhooks").breaksDocument().expect(401);
        api.get("/webhooks").token("not-a-token").expect(401);
        api.get("/webhooks/abc").token(token).breaksDocument().expect(400);
        api.get("/webhooks/" + webhook).breaksDocument().expect(401);
        api.get("/webhooks/" + notMyWebhook).token(token).expect(404);
        api.call("DELETE", "/webhooks/0").token(token).breaksDocument().expect(400);
        api.call("DELETE", "/webhooks/" + webhook).token("not-a-token").expect(401);
        api.call("DELETE", "/webhooks/" + notMyWebhook).token(token).expect(404);
        api.get("/webhooks/-1/deliveries").token(token).breaksDocument().expect(400);
        api.get("/webhooks/" + webhook + "/deliveries").token("not-a-token").expect(401);
        api.get("/webhooks/" + notMyWebhook + "/deliveries").token(token).expect(404);
    }

    @Test
    @Order(5)
    void while_the_database_is_down_every_operation_that_needs_it_answers_503() throws Exception {
        String email = plain.register(PASSWORD);
        String token = plain.login(email, PASSWORD);
        String refreshToken = plain.post(
                        "/auth/login", ApiClient.json(Map.of("email", email, "password", PASSWORD)), null)
                .json()
                .get("refresh_token")
                .asText();
        long order = plain.placeOrder(token, "Laptop", "999.99");
        long webhook = plain.post("/webhooks", "{\"url\":\"" + NOWHERE + "\"}", token)
                .json()
                .get("id")
                .asLong();

        database.close();
        try {
            awaitReadiness(503);
            // each answer waits for the pool's connection timeout: sent together, they take one timeout, not eleven
            List<Callable<ApiClient.Response>> calls = List.of(
                    () -> api.get("/health/ready").expect(503),
                    () -> api.post("/auth/register")
                            .json("{\"name\":\"John Doe\",\"email\":\"down-" + UUID.randomUUID()
                                    + "@example.com\",\"password\":\"" + PASSWORD + "\"}")
                            .expect(503),
                    () -> api.post("/auth/login")
                            .json("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                            .expect(503),
                    () -> api.post("/orders").token(token).json(LAPTOP).expect(503),
                    () -> api.get("/orders").token(token).expect(503),
                    () -> api.get("/orders/" + order).token(token).expect(503),
                    () -> api.patch("/orders/" + order + "/cancel").token(token).expect(503),
                    () -> api.get("/orders/" + order + "/history").token(token).expect(503),
                    () -> api.post("/auth/refresh")
                            .json("{\"refresh_token\":\"" + refreshToken + "\"}")
                            .expect(503),
                    () -> api.post("/auth/logout").token(token).expect(503),
                    () -> api.get("/auth/me").token(token).expect(503),
                    () -> api.get("/events").token(token).expect(503),
                    () -> api.post("/webhooks")
                            .token(token)
                            .json("{\"url\":\"" + NOWHERE + "\"}")
                            .expect(503),
                    () -> api.get("/webhooks").token(token).expect(503),
                    () -> api.get("/webhooks/" + webhook).token(token).expect(503),
                    () -> api.call("DELETE", "/webhooks/" + webhook)
                            .token(token)
                            .expect(503),
                    () -> api.get("/webhooks/" + webhook + "/deliveries")
                            .token(token)
                            .expect(503));
            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                for (Future<ApiClient.Response> answer : clients.invokeAll(calls)) {
                    answer.get();
                }
            }
        } finally {
            database = EmbeddedDatabase.start(dataDir.resolve("postgres"), databasePort);
        }
        awaitReadiness(200);
    }

    @Test
    @Order(6)
    void too_many_attempts_answer_429() {
        String email = plain.register(PASSWORD);
        for (int failure = 0; failure < FAILURES_PER_ACCOUNT; failure++) {
            api.post("/auth/login")
                    .json("{\"email\":\"" + email + "\",\"password\":\"wrong-password\"}")
                    .expect(401);
        }
        api.post("/auth/login")
                .json("{\"email\":\"" + email + "\",\"password\":\"wrong-password\"}")
                .expect(429);

        // spend what is left of this address's allowance, then one more registration is refused
        for (int attempt = 0; attempt <= ATTEMPTS_PER_MINUTE; attempt++) {
            ApiClient.Response response = plain.post(
                    "/auth/register",
                    ApiClient.json(Map.of(
                            "name",
                            "Filler",
                            "email",
                            "filler-" + UUID.randomUUID() + "@example.com",
                            "password",
                            PASSWORD)),
                    null);
            if (response.status() == 429) {
                break;
            }
            assertThat(response.status()).isEqualTo(201);
        }
        api.post("/auth/register")
                .json("{\"name\":\"John Doe\",\"email\":\"late-" + UUID.randomUUID() + "@example.com\",\"password\":\""
                        + PASSWORD + "\"}")
                .expect(429);
    }

    @Test
    @Order(7)
    void every_operation_answers_the_http_servers_own_refusals_as_documented() {
        for (DocumentedOperation operation : DocumentedOperation.all(api.document())) {
            String method = operation.method().toUpperCase(Locale.ROOT);
            String path = operation.path().replace("{id}", "1");
            String line = method + " " + path;
            api.raw(method, operation.path(), line + " HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", 400);
            api.raw(method, operation.path(), line + "?pad=" + "p".repeat(9_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414);
            api.raw(method, operation.path(), line + " HTTP/1.1\r\nHost: x\r\nExpect: nonsense\r\n\r\n", 417);
            api.raw(
                    method,
                    operation.path(),
                    line + " HTTP/1.1\r\nHost: x\r\nX-Pad: " + "p".repeat(9_000) + "\r\n\r\n",
                    431);
            api.raw(method, operation.path(), line + " HTTP/1.7\r\nHost: x\r\n\r\n", 400);
        }
        // a head that never ends is cut at the request read deadline: every operation at once, a second in all
        try (var unfinished = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> sent = new ArrayList<>();
            for (DocumentedOperation operation : DocumentedOperation.all(api.document())) {
                String method = operation.method().toUpperCase(Locale.ROOT);
                String line = method + " " + operation.path().replace("{id}", "1");
                sent.add(unfinished.submit(() ->
                        api.rawUnfinished(method, operation.path(), line + " HTTP/1.1\r\nHost: x\r\nX-Slow: ", 408)));
            }
            for (Future<?> each : sent) {
                each.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(e.getCause() == null ? e : e.getCause());
        }
    }

    @Test
    @Order(8)
    void every_documented_answer_was_exercised_and_validated() {
        Set<String> documented = api.documentedAnswers();
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(api.seenAnswers());

        assertThat(missing)
                .as("documented answers no test produced:" + ContractCheckedClient.describe(missing))
                .isEmpty();
        assertThat(api.seenAnswers()).isEqualTo(documented);
        System.out.printf(
                "OpenAPI contract: %d operations, %d documented answers, each produced and validated%n",
                documented.stream()
                        .map(answer -> answer.substring(0, answer.lastIndexOf(' ')))
                        .distinct()
                        .count(),
                documented.size());
    }

    private void awaitReadiness(int status) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (plain.get("/health/ready", null).status() != status
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(plain.get("/health/ready", null).status()).isEqualTo(status);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
