package com.acme.orders.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.acme.orders.adapter.http.testing.HygieneHeaders;
import com.acme.orders.application.port.in.account.InvalidCredentialsException;
import com.acme.orders.application.port.in.account.TooManyAttemptsException;
import com.acme.orders.application.port.in.order.IdempotencyKeyInFlightException;
import com.acme.orders.application.port.in.order.IdempotencyKeyReusedException;
import com.acme.orders.application.port.in.order.OrderNotFoundException;
import com.acme.orders.application.port.out.StorageUnavailableException;
import com.acme.orders.application.port.out.TransactionRunner;
import com.acme.orders.domain.order.OrderId;
import com.acme.orders.domain.order.OrderNotCancellableException;
import com.acme.orders.domain.order.OrderStatus;
import com.acme.orders.domain.order.StatusChange;
import com.acme.orders.domain.shared.InvalidValueException;
import com.acme.orders.domain.user.EmailAlreadyRegisteredException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.BadRequestResponse;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one failure mapping: each failure a handler or hook can meet, thrown here from the order service's transaction
 * by a stub of the transaction port, answers its documented problem detail (docs/errors.md) with its headers, and
 * anything else a 500 that reveals nothing.
 */
class ProblemResponsesTest {

    /** Its order history is read in a transaction, which the stub fails with the failure a test set. */
    private static final String FAILING = "/orders/1/history";

    /** The logger of the API's failures, named after HttpApi as the text log prints it. */
    private static final String API_LOGGER = "com.acme.orders.adapter.http.HttpApi";

    private static final String INTERNAL_DETAIL =
            "An unexpected error occurred. Quote the request id when reporting it.";

    private static final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private static final AtomicBoolean ready = new AtomicBoolean(true);
    private static final RunningApi api = RunningApi.start(setup -> {
        setup.orderTransactions = Optional.of(new TransactionRunner() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                throw failure.get();
            }
        });
        setup.ready = ready::get;
    });
    private static final String token = api.newUserToken();

    @AfterAll
    static void stop() {
        api.close();
    }

    static Stream<Arguments> mappedFailures() {
        return Stream.of(
                arguments(
                        InvalidValueException.because("must be a test value"),
                        400,
                        "/problems/validation",
                        "Invalid request",
                        "must be a test value",
                        Map.of()),
                arguments(
                        ApiException.malformedJson("The request body is not valid JSON."),
                        400,
                        "/problems/malformed-json",
                        "Malformed JSON",
                        "The request body is not valid JSON.",
                        Map.of()),
                arguments(
                        ApiException.unauthorized("No token.", "Bearer realm=\"order-service\""),
                        401,
                        "/problems/unauthorized",
                        "Unauthorized",
                        "No token.",
                        Map.of("WWW-Authenticate", "Bearer realm=\"order-service\"")),
                arguments(
                        new InvalidCredentialsException(),
                        401,
                        "/problems/invalid-credentials",
                        "Invalid credentials",
                        "Incorrect email or password.",
                        Map.of("WWW-Authenticate", "Bearer realm=\"order-service\"")),
                arguments(
                        new OrderNotFoundException(new OrderId(7)),
                        404,
                        "/problems/order-not-found",
                        "Order not found",
                        "order 7 not found.",
                        Map.of()),
                arguments(
                        new EmailAlreadyRegisteredException(),
                        409,
                        "/problems/email-already-registered",
                        "Email already registered",
                        "An account with this email address already exists.",
                        Map.of()),
                arguments(
                        OrderNotCancellableException.inStatus(OrderStatus.COMPLETED),
                        409,
                        "/problems/order-state-conflict",
                        "Order state conflict",
                        "Only a pending order can be cancelled; this order is completed.",
                        Map.of()),
                arguments(
                        StatusChange.completion(Instant.EPOCH).refusedFor(OrderStatus.PENDING),
                        409,
                        "/problems/order-state-conflict",
                        "Order state conflict",
                        "An order cannot move from pending to completed.",
                        Map.of()),
                arguments(
                        new IdempotencyKeyInFlightException(),
                        409,
                        "/problems/idempotency-key-in-flight",
                        "Idempotency key in flight",
                        "A request with this Idempotency-Key is still in progress; retry shortly.",
                        Map.of("Retry-After", "1")),
                arguments(
                        new IdempotencyKeyReusedException(),
                        422,
                        "/problems/idempotency-key-reused",
                        "Idempotency key reused",
                        "This Idempotency-Key was already used with a different request body; use a new key for a "
                                + "new order.",
                        Map.of()),
                arguments(
                        ApiException.unsupportedMediaType("A body must be sent as application/json."),
                        415,
                        "about:blank",
                        "Unsupported Media Type",
                        "A body must be sent as application/json.",
                        Map.of()),
                arguments(
                        TooManyAttemptsException.fromAddress(Duration.ofMillis(1)),
                        429,
                        "/problems/too-many-requests",
                        "Too many requests",
                        "Too many log-in or registration attempts from this address; retry later.",
                        Map.of("Retry-After", "1")),
                arguments(
                        TooManyAttemptsException.onAccount(Duration.ofSeconds(179, 1)),
                        429,
                        "/problems/too-many-requests",
                        "Too many requests",
                        "Too many failed log-ins for this account; retry later.",
                        Map.of("Retry-After", "180")),
                arguments(
                        TooManyAttemptsException.onAccount(Duration.ofMinutes(3)),
                        429,
                        "/problems/too-many-requests",
                        "Too many requests",
                        "Too many failed log-ins for this account; retry later.",
                        Map.of("Retry-After", "180")),
                arguments(
                        new StorageUnavailableException("connection to db.internal:5432 refused", null),
                        503,
                        "about:blank",
                        "Service Unavailable",
                        "The service cannot reach its database; retry shortly.",
                        Map.of("Retry-After", "5")),
                arguments(
                        new RejectedExecutionException("the bcrypt queue is full"),
                        503,
                        "about:blank",
                        "Service Unavailable",
                        "The service is busy; retry shortly.",
                        Map.of("Retry-After", "1")));
    }

    @ParameterizedTest
    @MethodSource("mappedFailures")
    void each_failure_answers_its_problem_type_with_its_headers(
            RuntimeException thrown,
            int status,
            String type,
            String title,
            String detail,
            Map<String, String> headers) {
        failure.set(thrown);

        RunningApi.Answer response = api.get(FAILING, RunningApi.bearer(token));

        assertProblem(response, status, type, title, detail);
        assertThat(response.json().has("errors"))
                .as("errors only on a validation problem")
                .isFalse();
        headers.forEach(
                (name, value) -> assertThat(response.header(name)).as(name).contains(value));
        if (!headers.containsKey("Retry-After")) {
            assertThat(response.header("Retry-After")).isEmpty();
        }
        if (!headers.containsKey("WWW-Authenticate")) {
            assertThat(response.header("WWW-Authenticate")).isEmpty();
        }
    }

    @Test
    void a_validation_problem_lists_every_refused_field() {
        failure.set(ApiException.invalid(List.of(
                new Problem.FieldError("limit", "must be at most 100"),
                new Problem.FieldError("status", "is not a status"))));

        RunningApi.Answer response = api.get(FAILING, RunningApi.bearer(token));

        assertProblem(response, 400, "/problems/validation", "Invalid request", "The request has invalid fields.");
        JsonNode errors = response.json().get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("field").asText()).isEqualTo("limit");
        assertThat(errors.get(0).get("message").asText()).isEqualTo("must be at most 100");
        assertThat(errors.get(1).get("field").asText()).isEqualTo("status");
        assertThat(errors.get(1).get("message").asText()).isEqualTo("is not a status");
    }

    static Stream<Arguments> unexpectedFailures() {
        return Stream.of(
                arguments(new IllegalStateException("secret: jdbc:postgresql://db.internal/orders password=hunter2")),
                arguments(new BadRequestResponse("secret detail of the framework")));
    }

    @ParameterizedTest
    @MethodSource("unexpectedFailures")
    void an_unexpected_failure_answers_500_revealing_nothing(RuntimeException thrown) {
        failure.set(thrown);

        RunningApi.Answer response = api.get(FAILING, RunningApi.bearer(token));

        assertProblem(response, 500, "about:blank", "Internal Server Error", INTERNAL_DETAIL);
        assertThat(response.body())
                .doesNotContain(
                        "secret", "jdbc", "postgres", "hunter2", "IllegalState", "BadRequest", "Exception", "\tat ");
    }

    static Stream<Arguments> loggedFailures() {
        return Stream.of(
                arguments(
                        new IllegalStateException("boom"),
                        Level.ERROR,
                        "Unexpected failure on GET " + FAILING,
                        IllegalStateException.class.getName()),
                arguments(
                        new BadRequestResponse("boom"),
                        Level.ERROR,
                        "Unexpected HTTP failure 400 on GET " + FAILING,
                        BadRequestResponse.class.getName()),
                arguments(
                        new StorageUnavailableException("connection to db.internal:5432 refused", null),
                        Level.WARN,
                        "Answering 503: connection to db.internal:5432 refused",
                        null));
    }

    /** An unexpected failure is logged with its stack trace; an unreachable database is expected, in one line. */
    @ParameterizedTest
    @MethodSource("loggedFailures")
    void a_failure_is_logged_once_under_the_request_id(
            RuntimeException thrown, Level level, String line, String stackTraceOf) throws Exception {
        failure.set(thrown);
        String requestId = "logged-" + System.nanoTime();

        try (CapturedLog log = CapturedLog.of(API_LOGGER)) {
            api.get(FAILING, "Authorization", "Bearer " + token, "X-Request-Id", requestId);

            ILoggingEvent logged = log.awaitOne(requestId);
            assertThat(logged.getLevel()).isEqualTo(level);
            assertThat(logged.getFormattedMessage()).isEqualTo(line);
            if (stackTraceOf == null) {
                assertThat(logged.getThrowableProxy()).isNull();
            } else {
                assertThat(logged.getThrowableProxy().getClassName()).isEqualTo(stackTraceOf);
            }
        }
    }

    @Test
    void a_service_that_is_not_ready_answers_503_with_retry_after() {
        ready.set(false);
        try {
            RunningApi.Answer response = api.get("/health/ready");

            assertProblem(
                    response,
                    503,
                    "about:blank",
                    "Service Unavailable",
                    "The service is not ready: starting, stopping, or its database does not answer.");
            assertThat(response.header("Retry-After")).contains("5");
            assertThat(api.get("/health/live").status()).isEqualTo(200);
        } finally {
            ready.set(true);
        }
    }

    @Test
    void javalins_own_refusals_are_plain_http_problems() {
        assertProblem(api.get("/nothing-here"), 404, "about:blank", "Not Found", "No resource at /nothing-here.");

        RunningApi.Answer wrongMethod = api.send(api.request("/orders").DELETE());
        String allowed = wrongMethod.header("Allow").orElseThrow();
        assertThat(allowed.split(", "))
                .as("every GET route serves HEAD too")
                .containsExactlyInAnyOrder("GET", "HEAD", "POST");
        assertProblem(
                wrongMethod,
                405,
                "about:blank",
                "Method Not Allowed",
                "DELETE is not allowed on /orders; allowed: " + allowed + ".");

        assertProblem(
                api.send(api.request("/auth/register")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("[" + "1,".repeat(40_000) + "1]"))),
                413,
                "about:blank",
                "Content Too Large",
                "The request body is larger than 65536 bytes.");
    }

    /** A complete problem detail: status, type, title, detail, instance and request id, with the hygiene headers. */
    private static void assertProblem(
            RunningApi.Answer response, int status, String type, String title, String detail) {
        response.assertProblem(status);
        JsonNode problem = response.json();
        assertThat(problem.get("type").asText()).isEqualTo(type);
        assertThat(problem.get("title").asText()).isEqualTo(title);
        assertThat(problem.get("detail").asText()).isEqualTo(detail);
        assertThat(problem.get("instance").asText()).isEqualTo(response.path());
        SoftAssertions softly = new SoftAssertions();
        HygieneHeaders.assertCarried(softly, status + " " + type, response.headers());
        softly.assertAll();
    }
}
