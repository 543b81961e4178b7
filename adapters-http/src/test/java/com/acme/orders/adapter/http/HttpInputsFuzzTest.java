package com.acme.orders.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.port.IdempotencyKey;
import com.acme.orders.application.port.PageCursor;
import com.acme.orders.application.port.in.account.ClientAddress;
import com.acme.orders.application.port.in.account.LogInCommand;
import com.acme.orders.application.port.in.account.RegisterUserCommand;
import com.acme.orders.application.port.in.order.ListOrdersQuery;
import com.acme.orders.application.port.in.order.PlaceOrderCommand;
import com.acme.orders.application.port.in.webhook.RegisterWebhookCommand;
import com.acme.orders.application.testing.MutableClock;
import com.acme.orders.domain.order.OrderEventType;
import com.acme.orders.domain.order.OrderId;
import com.acme.orders.domain.user.UserId;
import com.acme.orders.domain.webhook.Webhook;
import com.acme.orders.domain.webhook.WebhookId;
import com.auth0.jwt.algorithms.Algorithm;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;

/**
 * Coverage-guided fuzzing (Jazzer) of every reader in this adapter that takes bytes from outside: request bodies into
 * each command, the order id of a path, the parameters of the order list, page cursors, access tokens, the
 * {@code Idempotency-Key} and the {@code X-Request-Id}. Each answers with a value or with the adapter's documented
 * refusal (an {@link ApiException} of status 400, 413 or 415), never anything else; and what it accepts, it takes
 * exactly: the value it hands on is the one that was sent, and survives storage as UTF-8 unchanged.
 *
 * <p>{@link #anyInput} chooses one of the readers from its first bytes: it is the target of the bounded fuzzing run of
 * the build (one target per JVM is all Jazzer fuzzes). Every method is also a regression test on its inputs in
 * {@code src/test/resources/com/acme/orders/adapter/http/HttpInputsFuzzTestInputs/<method>/}.
 */
class HttpInputsFuzzTest {

    private static final ObjectMapper LENIENT = new ObjectMapper();
    private static final Pattern ASCII_DIGITS = Pattern.compile("[0-9]+");
    private static final byte[] SECRET = "fuzz-test-secret-that-is-at-least-32-bytes".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final UserId OWNER = new UserId(42);
    private static final ClientAddress CLIENT = new ClientAddress("192.0.2.1");

    private static final JsonBodies BODIES = new JsonBodies(Json.mapper());
    private static final PageCursors CURSORS = new PageCursors(SECRET);
    private static final AccessTokens TOKENS =
            new AccessTokens(SECRET, "HS256", Duration.ofMinutes(15), MutableClock.at(NOW));

    /** A body of one request record, turned into its command, and how to check that the command is what was sent. */
    private record Body<R, C>(Class<R> type, Function<R, C> toCommand, BiConsumer<JsonNode, C> sentExactly) {

        List<String> fields() {
            return Arrays.stream(type.getRecordComponents())
                    .map(component -> PROPERTY_NAMES.translate(component.getName()))
                    .toList();
        }
    }

    private static final PropertyNamingStrategies.NamingBase PROPERTY_NAMES =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private static final List<Body<?, ?>> BODY_TYPES = List.of(
            new Body<>(
                    RegisterRequest.class,
                    request -> request.toCommand(CLIENT),
                    (JsonNode sent, RegisterUserCommand c) -> {
                        assertExact(sent.get("name"), c.name().value());
                        assertExact(sent.get("email"), c.email().value());
                        assertExactPassword(sent.get("password"), c.password().utf8Bytes());
                    }),
            new Body<>(LoginRequest.class, request -> request.toCommand(CLIENT), (JsonNode sent, LogInCommand c) -> {
                assertExact(sent.get("email"), c.email().value());
                assertExactPassword(sent.get("password"), c.password().utf8Bytes());
            }),
            new Body<>(
                    PlaceOrderRequest.class,
                    request -> request.toCommand(OWNER),
                    (JsonNode sent, PlaceOrderCommand c) -> {
                        assertExact(sent.get("product_name"), c.productName().value());
                        assertThat(sent.get("amount").decimalValue())
                                .isEqualByComparingTo(c.amount().value());
                    }),
            new Body<>(
                    RegisterWebhookRequest.class,
                    request -> request.toCommand(OWNER),
                    (JsonNode sent, RegisterWebhookCommand c) -> {
                        assertExact(sent.get("url"), c.url().toString());
                        JsonNode events = sent.path("events");
                        if (events.isArray()) {
                            assertThat(c.eventTypes().stream().map(OrderEventType::code))
                                    .containsExactlyInAnyOrderElementsOf(() -> events.valueStream()
                                            .map(JsonNode::textValue)
                                            .distinct()
                                            .iterator());
                        } else {
                            assertThat(c.eventTypes()).isEqualTo(Webhook.allEventTypes());
                        }
                    }));

    @FuzzTest(maxDuration = "2m")
    @DictionaryEntries({
        "\"name\"",
        "\"email\"",
        "\"password\"",
        "\"product_name\"",
        "\"amount\"",
        "\"url\"",
        "\"events\"",
        "\\ud800",
        "\\u0000",
        "http://",
        "order.created"
    })
    void anyInput(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 11)) {
            case 0 -> body(data, 0);
            case 1 -> body(data, 1);
            case 2 -> body(data, 2);
            case 3 -> orderId(data);
            case 4 -> listParameters(data);
            case 5 -> cursor(data);
            case 6 -> accessToken(data);
            case 7 -> idempotencyKey(data);
            case 8 -> requestId(data);
            case 9 -> body(data, 3);
            case 10 -> webhookId(data);
            default -> accessTokenOfFuzzedJson(data);
        }
    }

    @FuzzTest
    void registerBody(FuzzedDataProvider data) {
        body(data, 0);
    }

    @FuzzTest
    void loginBody(FuzzedDataProvider data) {
        body(data, 1);
    }

    @FuzzTest
    void placeOrderBody(FuzzedDataProvider data) {
        body(data, 2);
    }

    @FuzzTest
    void registerWebhookBody(FuzzedDataProvider data) {
        body(data, 3);
    }

    @FuzzTest
    void webhookId(FuzzedDataProvider data) {
        String raw = data.consumeRemainingAsString();
        try {
            WebhookId id = WebhookController.webhookId(raw);
            assertAsciiNumber(raw, id.value());
        } catch (ApiException refused) {
            assertRefusal(refused, 400);
        }
    }

    @FuzzTest
    void orderId(FuzzedDataProvider data) {
        String raw = data.consumeRemainingAsString();
        try {
            OrderId id = OrderController.orderId(raw);
            assertAsciiNumber(raw, id.value());
        } catch (ApiException refused) {
            assertRefusal(refused, 400);
        }
    }

    @FuzzTest
    void listParameters(FuzzedDataProvider data) {
        String status = data.consumeBoolean() ? data.consumeString(20) : null;
        String limit = data.consumeBoolean() ? data.consumeString(20) : null;
        String cursor = data.consumeBoolean() ? data.consumeString(80) : null;
        try {
            ListOrdersQuery query = OrderController.listQuery(CURSORS, OWNER, status, limit, cursor);
            if (limit != null) {
                assertAsciiNumber(limit, query.limit());
            }
            if (status != null) {
                assertThat(query.status().orElseThrow().code()).isEqualTo(status);
            }
        } catch (ApiException refused) {
            assertRefusal(refused, 400);
        }
    }

    @FuzzTest
    void cursor(FuzzedDataProvider data) {
        String issued = CURSORS.encode(
                OWNER, new PageCursor(Instant.ofEpochSecond(data.consumeInt(0, Integer.MAX_VALUE)), new OrderId(7)));
        String sent = switch (data.consumeInt(0, 2)) {
            case 0 -> issued;
            case 1 -> mutate(issued, data);
            default -> data.consumeRemainingAsString();
        };
        Optional<PageCursor> decoded = CURSORS.decode(OWNER, sent);
        decoded.ifPresent(position -> assertThat(CURSORS.encode(OWNER, position))
                .as("an accepted cursor is one this service issued, character for character")
                .isEqualTo(sent));
    }

    @FuzzTest
    void accessToken(FuzzedDataProvider data) {
        String issued = TOKENS.issue(OWNER, 3);
        String sent = data.consumeBoolean() ? mutate(issued, data) : data.consumeRemainingAsString();
        Optional<AccessTokens.Claims> claims = TOKENS.verify(sent);
        claims.ifPresent(accepted -> assertThat(sent).isEqualTo(issued));
    }

    /** Tokens signed with the real key whose header and payload are fuzzed JSON: the fuzzer gets past the HMAC. */
    @FuzzTest
    @DictionaryEntries({
        "\"alg\":\"HS256\"",
        "\"crit\"",
        "\"sub\"",
        "\"exp\"",
        "\"iat\"",
        "\"nbf\"",
        "\"ver\"",
        "\"iss\":\"order-service\"",
        "\"aud\":\"order-service-api\"",
        "null",
        "1795000000"
    })
    void accessTokenOfFuzzedJson(FuzzedDataProvider data) {
        String header = data.consumeBoolean() ? "{\"alg\":\"HS256\",\"typ\":\"JWT\"}" : data.consumeString(200);
        String payload = data.consumeBoolean() ? validPayload(data) : data.consumeRemainingAsString();
        String token = sign(header, payload);
        Optional<AccessTokens.Claims> claims =
                new AccessTokens(SECRET, "HS256", Duration.ofMinutes(15), MutableClock.at(NOW)).verify(token);
        claims.ifPresent(accepted -> assertAcceptedTokenIsStrict(header, payload, accepted));
    }

    @FuzzTest
    void idempotencyKey(FuzzedDataProvider data) {
        String raw = data.consumeRemainingAsString();
        try {
            Optional<IdempotencyKey> key = OrderController.idempotencyKey(raw);
            assertThat(key.orElseThrow().value()).isEqualTo(raw);
        } catch (ApiException refused) {
            assertRefusal(refused, 400);
        }
    }

    @FuzzTest
    void requestId(FuzzedDataProvider data) {
        String offered = data.consumeBoolean() ? data.consumeRemainingAsString() : null;
        String chosen = RequestHygiene.requestIdFor(offered);
        assertThat(chosen).matches("[A-Za-z0-9._:\\-]{1,128}");
        if (offered != null && offered.matches("[A-Za-z0-9._:\\-]{1,128}")) {
            assertThat(chosen).isEqualTo(offered);
        }
    }

    private static void body(FuzzedDataProvider data, int which) {
        Body<?, ?> target = BODY_TYPES.get(which);
        String contentType = switch (data.consumeInt(0, 7)) {
            case 0 -> null;
            case 1 -> data.consumeString(40);
            case 2 -> "application/json; charset=utf-8";
            default -> "application/json";
        };
        int failure = data.consumeInt(0, 15);
        byte[] bytes = data.consumeBoolean()
                ? structured(data, target.fields()).getBytes(StandardCharsets.UTF_8)
                : data.consumeRemainingAsBytes();
        JsonBodies.Source source = () -> switch (failure) {
            case 0 -> throw new EofException("Early EOF");
            case 1 -> throw new HttpException.RuntimeException(400, "Bad chunk size");
            default -> bytes;
        };
        read(target, contentType, source, bytes);
    }

    /**
     * A JSON object of the record's fields (and sometimes another), each value one the fuzzer builds: text with
     * escapes left as the fuzzer wrote them, a long run of digits, deep nesting, or any JSON it likes. Raw bytes alone
     * rarely get past the parser's first refusal; this reaches the value objects' rules and the parser's limits.
     */
    private static String structured(FuzzedDataProvider data, List<String> fields) {
        StringBuilder json = new StringBuilder("{");
        for (String field : fields) {
            if (data.consumeInt(0, 9) == 0) {
                continue;
            }
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"')
                    .append(data.consumeInt(0, 19) == 0 ? data.consumeString(8) : field)
                    .append("\":");
            switch (data.consumeInt(0, 5)) {
                case 0 -> json.append("9".repeat(data.consumeInt(1, 3000)));
                case 1 -> {
                    int depth = data.consumeInt(1, 3000);
                    json.append("[".repeat(depth)).append("]".repeat(depth));
                }
                case 2 -> json.append(data.consumeString(40));
                default -> json.append('"').append(data.consumeString(120)).append('"');
            }
        }
        return json.append('}').toString();
    }

    private static <R, C> void read(Body<R, C> target, String contentType, JsonBodies.Source source, byte[] bytes) {
        C command;
        try {
            command = target.toCommand().apply(BODIES.read(contentType, source, target.type()));
        } catch (ApiException refused) {
            assertRefusal(refused, 400, 413, 415);
            return;
        }
        JsonNode sent;
        try {
            sent = LENIENT.readTree(bytes);
        } catch (IOException e) {
            throw new AssertionError(
                    "accepted a body that is not JSON: " + new String(bytes, StandardCharsets.UTF_8), e);
        }
        target.sentExactly().accept(sent, command);
    }

    private static void assertExact(JsonNode sent, String taken) {
        assertThat(taken).as("the value taken is the value sent").isEqualTo(sent.textValue());
        assertThat(new String(taken.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .as("the value survives UTF-8 storage unchanged")
                .isEqualTo(taken);
    }

    private static void assertExactPassword(JsonNode sent, byte[] taken) {
        String text = sent.textValue();
        assertThat(new String(taken, StandardCharsets.UTF_8))
                .as("the password hashed is the password sent")
                .isEqualTo(text);
    }

    private static void assertAsciiNumber(String raw, long taken) {
        assertThat(raw).as("a number read from outside is ASCII digits").matches(ASCII_DIGITS);
        assertThat(new BigDecimal(raw).longValueExact()).isEqualTo(taken);
    }

    private static void assertRefusal(ApiException refused, int... statuses) {
        assertThat(refused.type().status()).isIn(Arrays.stream(statuses).boxed().toList());
        assertThat(refused.getMessage()).isNotBlank();
    }

    private static void assertAcceptedTokenIsStrict(String header, String payload, AccessTokens.Claims accepted) {
        JsonNode headerJson;
        JsonNode payloadJson;
        try {
            headerJson = Json.mapper().readTree(header);
            payloadJson = Json.mapper().readTree(payload);
        } catch (IOException e) {
            throw new AssertionError("accepted a token whose parts are not strict JSON: " + header + "." + payload, e);
        }
        assertThat(headerJson.isObject()).as("header is an object: " + header).isTrue();
        assertThat(payloadJson.isObject())
                .as("payload is an object: " + payload)
                .isTrue();
        assertThat(headerJson.has("crit"))
                .as("a token with crit is refused: " + header)
                .isFalse();
        assertThat(payloadJson.path("exp").isIntegralNumber())
                .as("exp is a number: " + payload)
                .isTrue();
        String sub = payloadJson.path("sub").textValue();
        assertThat(sub).as("sub: " + payload).isNotNull();
        assertAsciiNumber(sub, accepted.userId().value());
    }

    private static String validPayload(FuzzedDataProvider data) {
        return "{\"iss\":\"order-service\",\"aud\":\"order-service-api\",\"sub\":" + data.consumeString(24)
                + ",\"ver\":3,\"iat\":" + NOW.getEpochSecond() + ",\"exp\":" + data.consumeString(24) + "}";
    }

    private static String sign(String header, String payload) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        byte[] signature = Algorithm.HMAC256(SECRET).sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + base64.encodeToString(signature);
    }

    private static String mutate(String text, FuzzedDataProvider data) {
        StringBuilder mutated = new StringBuilder(text);
        for (int i = 0, n = data.consumeInt(1, 4); i < n && !mutated.isEmpty(); i++) {
            int at = data.consumeInt(0, mutated.length() - 1);
            switch (data.consumeInt(0, 2)) {
                case 0 -> mutated.setCharAt(at, data.consumeChar());
                case 1 -> mutated.deleteCharAt(at);
                default -> mutated.insert(at, data.consumeChar());
            }
        }
        return mutated.toString();
    }
}
