package com.acme.orders.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.port.in.order.OrderUseCases;
import com.acme.orders.application.port.out.TransactionRunner;
import com.acme.orders.application.service.EventService;
import com.acme.orders.application.service.LoginLimitSettings;
import com.acme.orders.application.service.LoginLimits;
import com.acme.orders.application.service.OrderService;
import com.acme.orders.application.service.PlaceOrderOnceService;
import com.acme.orders.application.service.SessionSettings;
import com.acme.orders.application.service.UserService;
import com.acme.orders.application.service.WebhookService;
import com.acme.orders.application.testing.FakePasswordHasher;
import com.acme.orders.application.testing.InMemoryAttemptLimiter;
import com.acme.orders.application.testing.InMemoryStore;
import com.acme.orders.application.testing.InMemoryWebhooks;
import com.acme.orders.application.testing.Throttling;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The real {@link HttpApi} on a free port of 127.0.0.1, over the application's services on the in-memory fakes of
 * their ports, the log-in limits' too (the transactions of the order services may be a stub a test hands in, to force
 * a failure; the order use cases may be wrapped, to slow them down), and a plain HTTP client for it.
 */
record RunningApi(
        HttpApi server,
        Optional<ManagementApi> management,
        InMemoryStore store,
        InMemoryAttemptLimiter limiter,
        InMemoryWebhooks webhooks,
        AccessTokens tokens,
        SimpleMeterRegistry meters)
        implements AutoCloseable {

    static final String PASSWORD = "securepass123";
    /** The hosts whose webhooks the fake target check refuses, as the real one refuses private addresses. */
    static final String REFUSED_HOST_SUFFIX = ".internal";

    /** What {@code GET /metrics} answers in these tests. */
    static final String METRICS = "# TYPE test_metric counter\ntest_metric_total 1.0\n";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What a test may change before the API starts; by default everything is real and nothing throttles. */
    static final class Setup {
        List<String> corsAllowedOrigins = List.of();
        LoginLimitSettings loginLimits = Throttling.UNTHROTTLED;
        TrustedProxies trustedProxies = TrustedProxies.NONE;
        BooleanSupplier ready = () -> true;
        /** The transactions of the order services; empty: the in-memory store's. */
        Optional<TransactionRunner> orderTransactions = Optional.empty();
        /** What the API calls for the order use cases, given the real ones: a test may wrap them (slow them down). */
        UnaryOperator<OrderUseCases> aroundOrderUseCases = UnaryOperator.identity();

        ConnectionLimits limits = ConnectionLimits.DEFAULTS;
        int maxOrderRequestsInFlight = 1_000;
        /** Whether the API's listener serves {@code /metrics} itself, as when the management port is the API's. */
        boolean servesMetrics = false;
        /** Whether a management listener starts beside the API, on a free port. */
        boolean management = false;
    }

    static RunningApi start() {
        return start(setup -> {});
    }

    static RunningApi start(Consumer<Setup> adjustments) {
        Setup setup = new Setup();
        adjustments.accept(setup);
        Clock clock = Clock.systemUTC();
        InMemoryStore store = new InMemoryStore();
        InMemoryAttemptLimiter limiter = new InMemoryAttemptLimiter(clock);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        byte[] secret = UUID.randomUUID().toString().repeat(2).getBytes(StandardCharsets.UTF_8);
        AccessTokens tokens = new AccessTokens(secret, "HS256", Duration.ofMinutes(15), clock);
        UserService users = new UserService(
                store.users(),
                store.refreshTokens(),
                store.transactions(),
                new FakePasswordHasher(),
                SessionSettings.DEFAULTS,
                new LoginLimits(limiter, setup.loginLimits),
                clock);
        TransactionRunner transactions = setup.orderTransactions.orElse(store.transactions());
        OrderUseCases orders = setup.aroundOrderUseCases.apply(new OrderService(store.orders(), transactions, clock));
        // a wait on the fakes is a plain sleep: a waiting request reads again at least every second
        EventService events = new EventService(store.events(), (owner, timeout) -> Thread.sleep(timeout), clock);
        InMemoryWebhooks webhooks = new InMemoryWebhooks();
        WebhookService webhookService = new WebhookService(
                webhooks,
                target -> target.getHost().endsWith(REFUSED_HOST_SUFFIX)
                        ? Optional.of("resolves to a private address")
                        : Optional.empty(),
                store.transactions(),
                new SecureRandom(),
                clock);
        UseCases useCases = new UseCases(
                users,
                orders,
                new PlaceOrderOnceService(orders, store.idempotencyKeys(), transactions, clock),
                events,
                webhookService);
        HttpSettings settings = new HttpSettings(
                "127.0.0.1",
                0,
                "test",
                Duration.ofSeconds(2),
                setup.corsAllowedOrigins,
                setup.trustedProxies,
                setup.limits,
                setup.maxOrderRequestsInFlight,
                setup.servesMetrics);
        HttpMetrics metrics = new HttpMetrics(meters, () -> METRICS);
        HttpApi server = new HttpApi(settings, useCases, tokens, secret, setup.ready, metrics);
        Optional<ManagementApi> management = setup.management
                ? Optional.of(new ManagementApi(new ManagementSettings("127.0.0.1", 0), settings, setup.ready, metrics))
                : Optional.empty();
        server.start();
        management.ifPresent(ManagementApi::start);
        return new RunningApi(server, management, store, limiter, webhooks, tokens, meters);
    }

    int port() {
        return server.port();
    }

    /** A request to {@code path} of the management listener, to complete and {@link #send}. */
    HttpRequest.Builder managementRequest(String path) {
        return HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + management.orElseThrow().port() + path))
                .timeout(Duration.ofSeconds(30));
    }

    /** A request to {@code path} of this API, to complete and {@link #send}. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30));
    }

    /** {@code GET path} with these header names and values, in pairs. */
    Answer get(String path, String... headerPairs) {
        return send(request(path, headerPairs).GET());
    }

    /** {@code POST path} of a JSON body with these header names and values, in pairs. */
    Answer post(String path, String json, String... headerPairs) {
        return send(request(path, headerPairs)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path, String... headerPairs) {
        HttpRequest.Builder request = request(path);
        for (int i = 0; i < headerPairs.length; i += 2) {
            request.header(headerPairs[i], headerPairs[i + 1]);
        }
        return request;
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.uri().getPath(), response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registers a new user with {@link #PASSWORD} over HTTP and returns its email. */
    String register() {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        Answer answer = post(
                "/auth/register",
                "{\"name\":\"Test User\",\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        if (answer.status() != 201) {
            throw new IllegalStateException("registration failed: " + answer);
        }
        return email;
    }

    /** Logs {@code email} in with {@link #PASSWORD} over HTTP and returns its access token. */
    String logIn(String email) {
        return logInAnswer(email).json().get("access_token").asText();
    }

    /** Logs {@code email} in with {@link #PASSWORD} over HTTP and returns the 200 answer, both tokens in it. */
    Answer logInAnswer(String email) {
        Answer answer = post("/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        if (answer.status() != 200) {
            throw new IllegalStateException("log-in failed: " + answer);
        }
        return answer;
    }

    /** A new user's access token. */
    String newUserToken() {
        return logIn(register());
    }

    /** The {@code Authorization} header pair for {@code token}. */
    static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    @Override
    public void close() {
        management.ifPresent(ManagementApi::stop);
        server.stop();
    }

    /**
     * One answer of the API, its body read as text.
     *
     * @param path the path that was asked for, without the query
     */
    record Answer(String path, int status, HttpHeaders headers, String body) {

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** Asserts that this is a complete problem detail of {@code status}, naming this request's id. */
        Answer assertProblem(int status) {
            assertThat(status()).isEqualTo(status);
            assertThat(header("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = json();
            assertThat(problem.get("status").asInt()).isEqualTo(status);
            assertThat(problem.get("type").asText()).isNotBlank();
            assertThat(problem.get("title").asText()).isNotBlank();
            assertThat(problem.get("detail").asText()).isNotBlank();
            assertThat(problem.get("instance").asText()).startsWith("/");
            assertThat(problem.get("request_id").asText())
                    .isEqualTo(header("X-Request-Id").orElseThrow());
            return this;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + headers.map() + " " + body;
        }
    }
}
