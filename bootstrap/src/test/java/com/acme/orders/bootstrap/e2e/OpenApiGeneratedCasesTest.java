package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests generated from the served OpenAPI document, sent to the running service. For every operation, every body
 * field, header, query and path parameter gets values the document calls valid (examples, enum values, boundaries,
 * text in many scripts) and values it calls invalid (one past each bound, wrong types, control and bidi characters,
 * invisible text, unpaired surrogates, non-ASCII digits, missing and unknown fields); each protected operation also
 * gets broken tokens, two {@code Authorization} headers, and oversized headers and request lines; each {@code GET}
 * is sent again as {@code HEAD}.
 *
 * <p>Every answer must be one the document lists for the operation, valid by the document (status, headers, body);
 * every 4xx must be problem+json; a request the document calls invalid must be refused, and one it calls valid must
 * not be refused as invalid; whatever a 2xx accepted must read back exactly. A {@code HEAD} answers what its
 * {@code GET} answers, without a body. The number of requests is printed.
 *
 * <p>The service runs with its management port equal to its API port, so that one listener serves every documented
 * operation, {@code GET /metrics} included.
 */
class OpenApiGeneratedCasesTest extends ServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Refusals the document states in words because JSON Schema cannot: an opaque cursor (an order page's or the
     * event feed's) is checked by its MAC, a password's bounds are in UTF-8 bytes, and an unpaired surrogate is no
     * Unicode text at all.
     */
    private static final List<String> CHECKED_BEYOND_THE_SCHEMA = List.of("cursor", "after", "password");

    private static final String UNPAIRED_SURROGATE = "unpaired surrogate";
    /** A webhook target on loopback where nothing listens. */
    private static final String NOWHERE = "http://127.0.0.1:9/hook";

    private ContractCheckedClient checked;
    private JsonNode document;
    private String token;
    private long ownOrder;
    private long ownWebhook;
    private final List<String> failures = new ArrayList<>();
    private int requests;

    @Override
    protected Map<String, String> environment() {
        String port = Integer.toString(freePort());
        // webhooks to a loopback port where nothing listens: registered, and their deliveries simply fail
        return Map.of("APP_PORT", port, "MANAGEMENT_PORT", port, "WEBHOOK_ALLOW_PRIVATE_TARGETS", "true");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void readDocument() {
        checked = new ContractCheckedClient(
                api.base(), api.get("/openapi.json", null).body());
        document = checked.document();
        token = api.newUserToken();
        ownOrder = api.placeOrder(token, "Laptop", "999.99");
        ownWebhook = api.post("/webhooks", "{\"url\":\"" + NOWHERE + "\"}", token)
                .json()
                .get("id")
                .asLong();
    }

    @Test
    void every_generated_request_gets_a_documented_answer_and_what_is_accepted_reads_back_exactly() {
        for (DocumentedOperation operation : DocumentedOperation.all(document)) {
            for (Case generated : cases(operation)) {
                check(operation, generated);
            }
        }
        System.out.printf(
                "OpenApiGeneratedCasesTest: %d requests generated from the document for %d operations, %d failures%n",
                requests, DocumentedOperation.all(document).size(), failures.size());
        assertThat(failures)
                .as("generated requests whose answers break the rules")
                .isEmpty();
    }

    /** One generated request: what it changes from the operation's valid request, and the request itself. */
    private record Case(
            String what, String method, String path, Map<String, List<String>> headers, String body, int refusedWith) {

        /** A case whose answer the document alone cannot tell: any documented status will do. */
        Case(String what, String method, String path, Map<String, List<String>> headers, String body) {
            this(what, method, path, headers, body, 0);
        }
    }

    private List<Case> cases(DocumentedOperation operation) {
        List<Case> cases = new ArrayList<>();
        Case valid = validCase(operation);
        cases.add(valid);
        JsonNode op = operation.operation();
        for (JsonNode parameter : parameters(operation)) {
            String name = parameter.get("name").asText();
            String in = parameter.get("in").asText();
            if (name.equals("X-Request-Id")) {
                for (String value : List.of("client-id-1", "x".repeat(129), "a b", "", "ünï")) {
                    cases.add(withParameter(valid, in, name, value, "X-Request-Id " + value));
                }
                continue;
            }
            JsonNode schema = resolve(parameter.get("schema"));
            for (String value : values(schema, parameter)) {
                cases.add(withParameter(valid, in, name, value, in + " " + name + "=" + printable(value)));
            }
            if (!parameter.path("required").asBoolean() && !in.equals("path")) {
                cases.add(withParameter(valid, in, name, null, "without " + name));
            }
        }
        JsonNode bodySchema = resolve(op.at("/requestBody/content/application~1json/schema"));
        if (!bodySchema.isMissingNode()) {
            Map<String, Object> fields = validFields(bodySchema);
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            bodySchema.get("properties").properties().iterator();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                JsonNode schema = resolve(property.getValue());
                for (Object value : bodyValues(schema)) {
                    Map<String, Object> changed = new LinkedHashMap<>(fields);
                    changed.put(property.getKey(), value);
                    cases.add(withBody(valid, changed, property.getKey() + "=" + printable(String.valueOf(value))));
                }
                Map<String, Object> without = new LinkedHashMap<>(fields);
                without.remove(property.getKey());
                cases.add(withBody(valid, without, "without " + property.getKey()));
            }
            Map<String, Object> extra = new LinkedHashMap<>(fields);
            extra.put("status", "completed");
            cases.add(withBody(valid, extra, "with an unknown field"));
            cases.add(new Case("a body that is JSON null", valid.method(), valid.path(), valid.headers(), "null"));
        }
        if (op.path("security").size() > 0) {
            cases.addAll(tokenCases(valid));
        }
        cases.add(withHeader(valid, "X-Padding", "p".repeat(20_000), "headers over the server's limit"));
        cases.add(new Case(
                "a request line over the server's limit",
                valid.method(),
                valid.path() + (valid.path().contains("?") ? "&" : "?") + "pad=" + "p".repeat(20_000),
                valid.headers(),
                valid.body()));
        return cases;
    }

    private Case validCase(DocumentedOperation operation) {
        String path = operation.path();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (JsonNode parameter : parameters(operation)) {
            String name = parameter.get("name").asText();
            if (parameter.get("in").asText().equals("path")) {
                path = path.replace("{" + name + "}", validPathValue(operation));
            }
        }
        if (operation.operation().path("security").size() > 0) {
            // a log-out revokes the token it is sent with: it gets one of its own
            String caller = operation.route().equals("POST /auth/logout") ? api.newUserToken() : token;
            headers.put("Authorization", List.of("Bearer " + caller));
        }
        String body = null;
        JsonNode bodySchema = resolve(operation.operation().at("/requestBody/content/application~1json/schema"));
        if (!bodySchema.isMissingNode()) {
            headers.put("Content-Type", List.of("application/json"));
            body = json(validFields(bodySchema));
        }
        return new Case("valid", operation.method().toUpperCase(Locale.ROOT), path, headers, body);
    }

    /**
     * A path id the caller owns: a webhook's for the webhook paths, else an order's (a fresh pending one for the
     * cancel).
     */
    private String validPathValue(DocumentedOperation operation) {
        if (operation.path().startsWith("/webhooks")) {
            return Long.toString(ownWebhook);
        }
        return operation.path().endsWith("/cancel")
                ? Long.toString(api.placeOrder(token, "Cancel me", "1.00"))
                : Long.toString(ownOrder);
    }

    private Map<String, Object> validFields(JsonNode schema) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
            JsonNode propertySchema = resolve(property.getValue());
            fields.put(property.getKey(), example(property.getKey(), propertySchema));
        }
        return fields;
    }

    private Object example(String name, JsonNode schema) {
        if (name.equals("email")) {
            return "gen-" + UUID.randomUUID() + "@example.com";
        }
        if (name.equals("url")) {
            return NOWHERE;
        }
        if (name.equals("events")) {
            return List.of("order.created", "order.cancelled");
        }
        if (schema.has("example")) {
            return schema.get("example").isNumber()
                    ? schema.get("example").decimalValue()
                    : schema.get("example").asText();
        }
        return schema.path("type").asText().equals("number") ? new BigDecimal("1.00") : "valid text";
    }

    /** Values for a body field: the boundaries and texts the document allows, and those it refuses. */
    private List<Object> bodyValues(JsonNode schema) {
        List<Object> values = new ArrayList<>();
        String type = schema.path("type").asText();
        if (type.equals("number")) {
            for (String number : List.of(
                    "0.01",
                    "1",
                    "10.5",
                    "1000000000",
                    "0",
                    "-1",
                    "1.234",
                    "1000000000.01",
                    "1e400",
                    "9".repeat(1_001),
                    "1" + "0".repeat(1_000))) {
                values.add(new RawJson(number));
            }
            values.add("1.00");
            values.add(null);
            return values;
        }
        values.addAll(texts(schema));
        values.add(new RawJson("12345"));
        values.add(new RawJson("true"));
        values.add(null);
        values.add(new RawJson("[".repeat(1_001) + "]".repeat(1_001)));
        return values;
    }

    private List<String> texts(JsonNode schema) {
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(300);
        String format = schema.path("format").asText();
        List<String> texts = new ArrayList<>();
        if (format.equals("email")) {
            String unique = UUID.randomUUID().toString().substring(0, 8);
            texts.addAll(List.of(
                    "Mixed.Case-" + unique + "@Example.COM",
                    "ünï-" + unique + "@bücher.de",
                    "no-at-sign",
                    " lead-" + unique + "@example.com",
                    "trail-" + unique + "@example.com ",
                    "ctl\u0007" + unique + "@example.com",
                    "a@b",
                    "x".repeat(250) + "@example.com"));
        } else if (format.equals("password")) {
            texts.addAll(List.of(
                    "securepass123",
                    "пароль-пароль",
                    "x".repeat(72),
                    "é".repeat(36),
                    "x".repeat(73),
                    "short",
                    "abcdefgh\uD800",
                    "\u0000".repeat(8)));
        } else {
            texts.addAll(List.of(
                    "Café ☕ 東京",
                    "Rocket 🚀",
                    "x".repeat(Math.max(min, 1)),
                    "x".repeat(max),
                    "x".repeat(max + 1),
                    " Padded ",
                    "   ",
                    "",
                    "ab\uD800cd",
                    "\uDC00ab",
                    "bell\u0007",
                    "tab\there",
                    "evil\u202Eoverride",
                    "isolate\u2066x",
                    "\u200B\u200B\u200B",
                    "\u00A0\u3000",
                    "z\u200B"));
            if (min > 1) {
                texts.add("x".repeat(min - 1));
            }
        }
        return texts;
    }

    /** Values for a parameter, as they travel in a URL or a header. */
    private List<String> values(JsonNode schema, JsonNode parameter) {
        String type = schema.path("type").asText();
        List<String> values = new ArrayList<>();
        if (schema.has("enum")) {
            schema.get("enum").forEach(value -> values.add(value.asText()));
            values.addAll(List.of("PENDING", "shipped", "", "pending\u0000"));
        } else if (type.equals("integer")) {
            long min = schema.path("minimum").asLong(1);
            values.addAll(List.of(
                    Long.toString(min),
                    Long.toString(min + 1),
                    Long.toString(min - 1),
                    "abc",
                    "1.0",
                    "+1",
                    "99999999999999999999",
                    arabic(ownOrder),
                    fullwidth(ownOrder),
                    "١٢"));
            if (schema.has("maximum")) {
                values.add(Long.toString(schema.get("maximum").asLong()));
                values.add(Long.toString(schema.get("maximum").asLong() + 1));
            } else {
                values.add(Long.toString(ownOrder));
                values.add(Long.toString(Long.MAX_VALUE));
            }
        } else if (parameter.get("name").asText().equals("Idempotency-Key")) {
            values.addAll(List.of("gen-" + UUID.randomUUID(), "k", "k".repeat(255), "k".repeat(256), "in side", ""));
        } else {
            values.addAll(List.of("garbage", "", "A".repeat(500), "%"));
        }
        return values;
    }

    private List<Case> tokenCases(Case valid) {
        long user = Long.parseLong(JWT.decode(token).getSubject());
        long exp = JWT.decode(token).getExpiresAtAsInstant().getEpochSecond();
        String claims = "\"iss\":\"order-service\",\"aud\":\"order-service-api\",\"ver\":0,\"iat\":" + (exp - 900)
                + ",\"jti\":\"gen\"";
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        List<Case> cases = new ArrayList<>();
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("no token", null);
        forged.put("not a bearer token", "Basic dXNlcjpwYXNz");
        forged.put("a token that is not a JWT", "Bearer not-a-token");
        forged.put("a signed payload of null", "Bearer " + sign(header, "null"));
        forged.put("a signed payload that is an array", "Bearer " + sign(header, "[1]"));
        forged.put("a signed header of null", "Bearer " + sign("null", "{" + claims + ",\"sub\":\"" + user + "\"}"));
        forged.put("exp null", "Bearer " + sign(header, "{" + claims + ",\"sub\":\"" + user + "\",\"exp\":null}"));
        forged.put(
                "a crit header",
                "Bearer "
                        + sign(
                                "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"crit\":[\"x\"],\"x\":1}",
                                "{" + claims + ",\"sub\":\"" + user + "\",\"exp\":" + exp + "}"));
        forged.put(
                "a duplicated claim",
                "Bearer "
                        + sign(
                                header,
                                "{" + claims + ",\"sub\":\"" + user + "\",\"sub\":\"" + user + "\",\"exp\":" + exp
                                        + "}"));
        forged.put(
                "a subject in Arabic-Indic digits",
                "Bearer " + sign(header, "{" + claims + ",\"sub\":\"" + arabic(user) + "\",\"exp\":" + exp + "}"));
        for (Map.Entry<String, String> entry : forged.entrySet()) {
            Map<String, List<String>> headers = new LinkedHashMap<>(valid.headers());
            if (entry.getValue() == null) {
                headers.remove("Authorization");
            } else {
                headers.put("Authorization", List.of(entry.getValue()));
            }
            cases.add(new Case(entry.getKey(), valid.method(), valid.path(), headers, valid.body(), 401));
        }
        Map<String, List<String>> twice = new LinkedHashMap<>(valid.headers());
        twice.put("Authorization", List.of("Bearer " + token, "Bearer not-a-token"));
        cases.add(new Case("two Authorization headers", valid.method(), valid.path(), twice, valid.body(), 401));
        return cases;
    }

    private void check(DocumentedOperation operation, Case generated) {
        String what = operation.route() + " with " + generated.what();
        ContractCheckedClient.Exchange exchange = send(generated);
        ApiClient.Response response = exchange.response();
        int status = response.status();
        if (!operation.operation().get("responses").has(Integer.toString(status))) {
            failures.add(what + ": status " + status + " is not documented for the operation: " + brief(response));
        } else if (!exchange.answerProblems().isEmpty()) {
            failures.add(
                    what + ": the answer breaks the document " + exchange.answerProblems() + ": " + brief(response));
        }
        if (status >= 400 && !response.header("Content-Type").orElse("").startsWith("application/problem+json")) {
            failures.add(what + ": a " + status + " that is not problem+json: " + brief(response));
        }
        if (response.header("X-Request-Id").isEmpty()) {
            failures.add(what + ": no X-Request-Id: " + brief(response));
        }
        if (generated.refusedWith() != 0 && status != generated.refusedWith()) {
            failures.add(what + ": answered " + status + " where only " + generated.refusedWith() + " is right: "
                    + brief(response));
        }
        boolean documentRefuses = !exchange.requestProblems().isEmpty();
        if (documentRefuses && status < 400) {
            failures.add(what + ": the document refuses the request " + exchange.requestProblems()
                    + " but the service accepted it: " + brief(response));
        }
        if (!documentRefuses && status == 400 && !refusedOnlyBeyondTheSchema(response)) {
            failures.add(what + ": the document accepts the request but the service refused it: " + brief(response));
        }
        if (status >= 200 && status < 300) {
            readBack(operation, generated, response, what);
        }
        if (generated.method().equals("GET")) {
            compareHead(generated, response, what);
        }
    }

    private boolean refusedOnlyBeyondTheSchema(ApiClient.Response response) {
        JsonNode errors = response.json().path("errors");
        if (errors.isEmpty()) {
            return false;
        }
        for (JsonNode error : errors) {
            if (!CHECKED_BEYOND_THE_SCHEMA.contains(error.path("field").asText())
                    && !error.path("message").asText().contains(UNPAIRED_SURROGATE)) {
                return false;
            }
        }
        return true;
    }

    /** What a 2xx accepted, read back and compared field by field with what was sent. */
    private void readBack(DocumentedOperation operation, Case generated, ApiClient.Response response, String what) {
        if (generated.body() == null) {
            return;
        }
        JsonNode sent = parse(generated.body());
        JsonNode answered = response.json();
        switch (operation.route()) {
            case "POST /auth/register" -> {
                compare(what, "name", sent, answered);
                compare(what, "email", sent, answered);
                requests++;
                ApiClient.Response login = api.post(
                        "/auth/login",
                        ApiClient.json(Map.of(
                                "email", sent.get("email").textValue(),
                                "password", sent.get("password").textValue())),
                        null);
                if (login.status() != 200) {
                    failures.add(what + ": the registered password does not log in: " + brief(login));
                }
            }
            case "POST /orders" -> {
                requests++;
                JsonNode stored =
                        api.get("/orders/" + answered.get("id").asLong(), token).json();
                compare(what, "product_name", sent, stored);
                if (sent.get("amount")
                                .decimalValue()
                                .compareTo(stored.get("amount").decimalValue())
                        != 0) {
                    failures.add(what + ": amount " + sent.get("amount") + " reads back as " + stored.get("amount"));
                }
            }
            case "POST /webhooks" -> {
                requests += 2;
                long id = answered.get("id").asLong();
                JsonNode stored = api.get("/webhooks/" + id, token).json();
                compare(what, "url", sent, stored);
                // a caller has at most 10 webhooks: each registered case makes room for the next
                api.send(api.request("/webhooks/" + id, token).DELETE());
            }
            default -> {}
        }
    }

    private void compare(String what, String field, JsonNode sent, JsonNode stored) {
        if (!sent.path(field).equals(stored.path(field))) {
            failures.add(what + ": " + field + " sent as "
                    + printable(sent.path(field).toString()) + " reads back as "
                    + printable(stored.path(field).toString()));
        }
    }

    private void compareHead(Case generated, ApiClient.Response get, String what) {
        ContractCheckedClient.Call head = checked.call("HEAD", generated.path());
        generated.headers().forEach((name, values) -> values.forEach(value -> head.header(name, value)));
        requests++;
        ApiClient.Response response = head.exchange().response();
        if (response.status() != get.status()) {
            failures.add("HEAD for " + what + ": " + response.status() + " where GET answers " + get.status());
        }
        if (!response.body().isEmpty()) {
            failures.add("HEAD for " + what + ": a body");
        }
    }

    private ContractCheckedClient.Exchange send(Case generated) {
        ContractCheckedClient.Call call = checked.call(generated.method(), generated.path());
        generated.headers().forEach((name, values) -> values.forEach(value -> call.header(name, value)));
        if (generated.body() != null) {
            call.body(generated.headers().get("Content-Type").getFirst(), generated.body());
        }
        requests++;
        String before = previous;
        previous = generated.method() + " " + generated.path() + " with " + generated.what();
        try {
            return call.exchange();
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalStateException(previous + ", after " + before, e);
        }
    }

    private String previous = "nothing";

    private Case withParameter(Case valid, String in, String name, String value, String what) {
        return switch (in) {
            case "header" -> value == null ? valid : withHeader(valid, name, value, what);
            case "query" -> {
                if (value == null) {
                    yield valid;
                }
                String separator = valid.path().contains("?") ? "&" : "?";
                yield new Case(
                        what,
                        valid.method(),
                        valid.path() + separator + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8),
                        valid.headers(),
                        valid.body());
            }
            default -> {
                String[] segments = valid.path().split("/");
                // the id is the third segment of every path that has one: /orders/{id}...
                segments[2] = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
                yield new Case(what, valid.method(), String.join("/", segments), valid.headers(), valid.body());
            }
        };
    }

    private static Case withHeader(Case valid, String name, String value, String what) {
        Map<String, List<String>> headers = new LinkedHashMap<>(valid.headers());
        headers.put(name, List.of(value));
        return new Case(what, valid.method(), valid.path(), headers, valid.body());
    }

    private Case withBody(Case valid, Map<String, Object> fields, String what) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        if (body.get("email") instanceof String email && email.startsWith("gen-")) {
            body.put("email", "gen-" + UUID.randomUUID() + "@example.com");
        }
        return new Case(what, valid.method(), valid.path(), valid.headers(), json(body));
    }

    private List<JsonNode> parameters(DocumentedOperation operation) {
        List<JsonNode> parameters = new ArrayList<>();
        document.at("/paths/" + operation.path().replace("/", "~1") + "/parameters")
                .forEach(parameter -> parameters.add(resolve(parameter)));
        operation.operation().path("parameters").forEach(parameter -> parameters.add(resolve(parameter)));
        return parameters;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode resolved = node;
        while (resolved != null && resolved.has("$ref")) {
            resolved = document.at(resolved.get("$ref").asText().substring(1));
        }
        return resolved == null ? JSON.missingNode() : resolved;
    }

    /** A JSON value written as it stands, for numbers and structures no Java value produces. */
    private record RawJson(String text) {
        @Override
        public String toString() {
            return text.length() > 40 ? text.substring(0, 40) + "..." : text;
        }
    }

    /**
     * The body as JSON text, every character outside printable ASCII written as a {@code \\uXXXX} escape, so that an
     * unpaired surrogate travels as the escape a hostile client would send.
     */
    private static String json(Map<String, Object> fields) {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(string(field.getKey())).append(':');
            Object value = field.getValue();
            json.append(
                    switch (value) {
                        case null -> "null";
                        case RawJson raw -> raw.text();
                        case BigDecimal number -> number.toPlainString();
                        default -> string(value.toString());
                    });
        }
        return json.append('}').toString();
    }

    private static String string(String text) {
        StringBuilder escaped = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                escaped.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.append('"').toString();
    }

    private static String sign(String header, String payload) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String input = base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return input + "."
                + base64.encodeToString(
                        Algorithm.HMAC256(RunningService.SECRET).sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String arabic(long number) {
        return digits(number, '\u0660');
    }

    private static String fullwidth(long number) {
        return digits(number, '\uFF10');
    }

    private static String digits(long number, char zero) {
        UnaryOperator<String> shift = text -> {
            StringBuilder shifted = new StringBuilder();
            text.chars().forEach(c -> shifted.append((char) (zero + (c - '0'))));
            return shifted.toString();
        };
        return shift.apply(Long.toString(number));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Pattern UNPRINTABLE = Pattern.compile("[^\\x20-\\x7E]");

    private static String printable(String text) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "...(" + text.length() + ")" : text;
        return UNPRINTABLE
                .matcher(shown)
                .replaceAll(m ->
                        String.format(Locale.ROOT, "\\\\u%04x", (int) m.group().charAt(0)));
    }

    private static String brief(ApiClient.Response response) {
        String body = response.body().replaceAll("\\s+", " ");
        return response.status() + " " + response.header("Content-Type").orElse("(no type)") + " "
                + (body.length() > 200 ? body.substring(0, 200) + "..." : body);
    }
}
