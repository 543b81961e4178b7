package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Bad input at volume: at least 5,000 malformed, oversized, wrongly typed, wrongly encoded and boundary requests across
 * every endpoint, with and without valid tokens. No answer may be a 5xx, the service must stay ready, and the database
 * must hold exactly what the accepted requests created. The seed is printed; rerun one with {@code -Dfuzz.seed=N}.
 */
class BadInputFuzzEndToEndTest extends ServiceTest {

    private static final int REQUESTS = 5_000;
    private static final int RAW_REQUESTS = 400;

    @Test
    void thousands_of_hostile_requests_get_no_5xx_and_leave_nothing_they_should_not() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("BadInputFuzzEndToEndTest seed: " + seed + " (rerun with -Dfuzz.seed=" + seed + ")");
        String token = api.newUserToken();
        long ownOrder = api.placeOrder(token, "Laptop", "1.00");
        long usersBefore = count("SELECT count(*) FROM users");
        long ordersBefore = count("SELECT count(*) FROM orders");

        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger registered = new AtomicInteger();
        AtomicInteger placed = new AtomicInteger();
        AtomicInteger reconnects = new AtomicInteger();
        List<String> serverErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
            List<Future<?>> work = new ArrayList<>();
            List<String> forged = forgedTokens(token);
            for (int i = 0; i < REQUESTS; i++) {
                Random random = new Random(seed + i);
                work.add(senders.submit(() -> {
                    Attempt attempt = Attempt.random(random, token, forged, ownOrder);
                    ApiClient.Response response;
                    try {
                        response = api.send(attempt.build(api));
                    } catch (java.io.UncheckedIOException closedUnderneath) {
                        // The server may close a keep-alive connection after refusing a request whose body it did not
                        // read; a client that had already reused it sees no answer. Once more, on a fresh connection:
                        // the server itself must answer.
                        reconnects.incrementAndGet();
                        try {
                            response = new ApiClient(service.port()).send(attempt.build(api));
                        } catch (java.io.UncheckedIOException e) {
                            serverErrors.add(attempt + " -> no answer: " + e.getMessage());
                            return null;
                        }
                    }
                    statuses.computeIfAbsent(response.status(), key -> new AtomicInteger())
                            .incrementAndGet();
                    if (response.status() >= 500) {
                        serverErrors.add(attempt + " -> " + response);
                    }
                    String route = attempt.path().split("\\?", 2)[0];
                    if (response.status() == 201 && route.equals("/auth/register")) {
                        registered.incrementAndGet();
                    }
                    if (response.status() == 201 && route.equals("/orders")) {
                        placed.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        }
        System.out.println(
                "BadInputFuzzEndToEndTest statuses: " + statuses + ", resent on a fresh connection: " + reconnects);
        Random raw = new Random(seed);
        for (int i = 0; i < RAW_REQUESTS; i++) {
            byte[] request = RawRequest.random(raw, token, ownOrder);
            String answer = api.sendRaw(request);
            String what = RawRequest.describe(request) + " -> "
                    + answer.lines().findFirst().orElse("(no answer)");
            if (answer.isEmpty() || answer.startsWith("HTTP/1.1 5") || answer.startsWith("HTTP/1.0 5")) {
                serverErrors.add(what);
            } else if (!answer.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json")
                    && !answer.startsWith("HTTP/1.1 2")) {
                serverErrors.add(what + " is not problem+json: " + answer);
            } else if (!answer.toLowerCase(java.util.Locale.ROOT).contains("x-request-id:")) {
                serverErrors.add(what + " has no X-Request-Id: " + answer);
            }
        }

        assertThat(serverErrors)
                .as("answers with a 5xx status, or raw refusals without problem+json and a request id")
                .isEmpty();
        assertThat(statuses.values().stream().mapToInt(AtomicInteger::get).sum())
                .isEqualTo(REQUESTS);
        assertThat(api.get("/health/ready", null).status()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM users")).isEqualTo(usersBefore + registered.get());
        assertThat(count("SELECT count(*) FROM orders")).isEqualTo(ordersBefore + placed.get());
        assertThat(count("SELECT count(*) FROM orders o WHERE NOT EXISTS "
                        + "(SELECT 1 FROM order_status_history h WHERE h.order_id = o.id)"))
                .isZero();
        assertThat(count("SELECT count(*) FROM orders WHERE status <> 'pending' AND id <> " + ownOrder))
                .isZero();
    }

    /** Correctly signed tokens that must be refused: not an object, {@code exp: null}, {@code crit}, a duplicate. */
    private static List<String> forgedTokens(String token) {
        com.auth0.jwt.interfaces.DecodedJWT issued = com.auth0.jwt.JWT.decode(token);
        String claims = "\"iss\":\"order-service\",\"aud\":\"order-service-api\",\"ver\":0,\"iat\":"
                + issued.getIssuedAtAsInstant().getEpochSecond() + ",\"sub\":\"" + issued.getSubject() + "\"";
        long exp = issued.getExpiresAtAsInstant().getEpochSecond();
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        String arabic = issued.getSubject()
                .chars()
                .mapToObj(c -> String.valueOf((char) ('\u0660' + (c - '0'))))
                .collect(java.util.stream.Collectors.joining());
        return List.of(
                sign(header, "null"),
                sign(header, "[]"),
                sign("null", "{" + claims + ",\"exp\":" + exp + "}"),
                sign(header, "{" + claims + ",\"exp\":null}"),
                sign("{\"alg\":\"HS256\",\"crit\":[\"b64\"],\"b64\":true}", "{" + claims + ",\"exp\":" + exp + "}"),
                sign(header, "{" + claims + ",\"exp\":" + exp + ",\"exp\":" + (exp + 3600) + "}"),
                sign(
                        header,
                        "{" + claims.replace("\"sub\":\"" + issued.getSubject(), "\"sub\":\"" + arabic) + ",\"exp\":"
                                + exp + "}"));
    }

    private static String sign(String header, String payload) {
        java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String input = base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return input + "."
                + base64.encodeToString(com.auth0.jwt.algorithms.Algorithm.HMAC256(RunningService.SECRET)
                        .sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * Requests only a raw socket sends: what the HTTP server itself must refuse (bad URIs, header lines, versions,
     * limits) and bodies that end early or have a broken chunked framing.
     */
    private static final class RawRequest {

        private static final String[] TARGETS = {
            "/%zz",
            "/orders/%00",
            "/orders/%2e%2e/x",
            "/orders/%u0031",
            "/orders%2F1",
            "/../orders",
            "/orders\\1",
            "/orders?limit=%zz",
            "/orders?limit=%u0031",
            "*",
            "/orders/%D9%A1%D9%A6",
            "/auth/login"
        };

        static byte[] random(Random random, String token, long ownOrder) {
            String target = TARGETS[random.nextInt(TARGETS.length)];
            String auth = "Authorization: Bearer " + token + "\r\n";
            String request = switch (random.nextInt(12)) {
                case 0 -> "GET " + target + " HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n";
                case 1 -> "GET /orders/" + ownOrder + " HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n";
                case 2 -> "GET /orders HTTP/1.1\r\n" + auth + "\r\n";
                case 3 -> "GET /orders HTTP/1.1\r\nHost: x\r\nHost: y\r\n" + auth + "\r\n";
                case 4 -> "GET /orders HTTP/1.1\r\nHost: x\r\nX-Pad: " + "p".repeat(20_000) + "\r\n\r\n";
                case 5 -> "GET /orders?pad=" + "p".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n";
                case 6 -> "GET /orders HTTP/" + (random.nextBoolean() ? "2.0" : "1.7") + "\r\nHost: x\r\n\r\n";
                case 7 -> "POST /auth/login HTTP/1.1\r\nHost: x\r\nExpect: nonsense\r\nContent-Length: 2\r\n\r\n{}";
                case 8 ->
                    "POST /orders HTTP/1.1\r\nHost: x\r\n" + auth
                            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nabc\r\n0\r\n\r\n";
                case 9 ->
                    "POST /auth/register HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 100\r\n\r\n{\"name\":";
                case 10 -> "HEAD /orders/" + ownOrder + " HTTP/1.1\r\nHost: x\r\n\r\n";
                default ->
                    "GET /orders HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                            + "\r\nAuthorization: Bearer x\r\n\r\n";
            };
            return request.getBytes(StandardCharsets.ISO_8859_1);
        }

        static String describe(byte[] request) {
            String line = new String(request, StandardCharsets.ISO_8859_1)
                    .lines()
                    .findFirst()
                    .orElse("");
            return line.length() > 80 ? line.substring(0, 80) + "..." : line;
        }
    }

    private long count(String sql) {
        return TestSql.queryLong(service.database(), sql);
    }

    /** One generated request. */
    @SuppressWarnings("ArrayRecordComponent") // made once per request and only read
    private record Attempt(String method, String path, String contentType, byte[] body, String authorization) {

        private static final String[] PATHS = {
            "/auth/register",
            "/auth/login",
            "/orders",
            "/orders?%s",
            "/orders/%s",
            "/orders/%s/cancel",
            "/orders/%s/history",
            "/",
            "/health/ready",
            "/%s",
            "/orders/%s/%s"
        };
        private static final String SPECIALS = "\"\\{}[]<>'%&";
        private static final String[] METHODS = {"GET", "POST", "PATCH", "PUT", "DELETE", "OPTIONS", "HEAD"};

        static Attempt random(Random random, String token, List<String> forged, long ownOrder) {
            String template = pick(random, PATHS);
            String path = template.contains("%s")
                    ? template.formatted(pathPart(random, ownOrder), pathPart(random, ownOrder))
                    : template;
            if (template.equals("/orders?%s")) {
                path = "/orders?" + queryPart(random);
            }
            boolean bodyRoute = path.startsWith("/auth/") || path.equals("/orders");
            String method = random.nextInt(10) < 7
                    ? (bodyRoute ? "POST" : path.endsWith("/cancel") ? "PATCH" : "GET")
                    : pick(random, METHODS);
            String contentType = switch (random.nextInt(10)) {
                case 0 -> null;
                case 1 -> "text/plain";
                case 2 -> "application/json; charset=latin1";
                case 3 -> "application/x-www-form-urlencoded";
                case 4 -> "application/json\u0000";
                default -> "application/json";
            };
            String authorization = switch (random.nextInt(10)) {
                case 0 -> null;
                case 8, 9 -> "Bearer " + forged.get(random.nextInt(forged.size()));
                case 1 -> "Bearer " + garbage(random, 40);
                case 2 -> "Basic " + garbage(random, 10);
                case 3 -> "Bearer " + token.substring(0, random.nextInt(token.length()));
                default -> "Bearer " + token;
            };
            return new Attempt(method, path, contentType, body(random, path), authorization);
        }

        HttpRequest.Builder build(ApiClient api) {
            HttpRequest.Builder builder;
            try {
                builder = HttpRequest.newBuilder(URI.create(api.base() + path));
            } catch (IllegalArgumentException unrepresentable) {
                builder = HttpRequest.newBuilder(
                        URI.create(api.base() + "/orders/" + URLEncoder.encode(path, StandardCharsets.UTF_8)));
            }
            if (contentType != null && !contentType.contains("\u0000")) {
                builder.header("Content-Type", contentType);
            }
            if (authorization != null) {
                // HTTP header values are ASCII: a client cannot even send other bytes there
                builder.header(
                        "Authorization",
                        authorization.replaceAll("[^\\x20-\\x7E]", "?").strip());
            }
            HttpRequest.BodyPublisher publisher = body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body);
            return builder.method(method, publisher);
        }

        private static byte[] body(Random random, String path) {
            String valid = switch (path) {
                case "/auth/register" ->
                    "{\"name\":\"Fuzz User\",\"email\":\"fuzz-" + random.nextInt(1_000_000)
                            + "@example.com\",\"password\":\"securepass123\"}";
                case "/auth/login" -> "{\"email\":\"fuzz@example.com\",\"password\":\"securepass123\"}";
                default -> "{\"product_name\":\"Laptop\",\"amount\":999.99}";
            };
            Function<String, String> mutate = switch (random.nextInt(18)) {
                case 0 -> body -> body.substring(0, random.nextInt(body.length()));
                case 1 -> body -> body.replace("\"Laptop\"", "12345").replace("\"Fuzz User\"", "true");
                case 2 ->
                    body -> body.replace("999.99", pick(random, new String[] {
                        "0",
                        "-1",
                        "0.001",
                        "1e999999",
                        "1000000000.01",
                        "\"999.99\"",
                        "null",
                        "[]",
                        "{}",
                        "1E-999999",
                        "-0",
                        "9".repeat(400),
                        "9".repeat(1_001),
                        "1" + "0".repeat(1_001)
                    }));
                case 3 ->
                    body -> body.replace("Laptop", "x".repeat(pick(random, new int[] {0, 1, 199, 200, 201, 5000})));
                case 4 ->
                    body -> body.replace("securepass123", pick(random, new String[] {
                        "", "short", "é".repeat(37), "x".repeat(73), "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000"
                    }));
                case 5 -> body -> body.substring(0, body.length() - 1) + ",\"status\":\"completed\",\"id\":1}";
                case 6 -> body -> "[" + body + "]";
                case 7 -> body -> "null";
                case 8 -> body -> "";
                case 9 -> body -> body + body;
                case 10 ->
                    body -> body.replace("Fuzz User", garbage(random, 30)).replace("Laptop", garbage(random, 30));
                case 11 -> body -> "{\"name\":\"" + "a".repeat(70_000) + "\"}";
                case 12 -> body -> body.replace(":", ":" + "[".repeat(random.nextInt(2_000)));
                case 13 ->
                    body -> body.replace("Laptop", pick(random, new String[] {
                                "ab\\ud800cd", "\\udc00", " Laptop ", "Lap\\u202Etop", "\\u200B\\u200B", "\\u0007x"
                            }))
                            .replace("Fuzz User", pick(random, new String[] {"ab\\ud800cd", " A ", "\\u2066x\\u2069"}));
                case 14 -> body -> "{\"name\":" + "9".repeat(1_001) + "}";
                default -> body -> body;
            };
            byte[] bytes = mutate.apply(valid).getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(12) == 0 && bytes.length > 4) {
                bytes[random.nextInt(bytes.length)] = (byte) (0x80 | random.nextInt(0x40)); // invalid UTF-8
            }
            return bytes;
        }

        private static String pathPart(Random random, long ownOrder) {
            return switch (random.nextInt(10)) {
                case 0 -> Long.toString(ownOrder);
                case 9 -> random.nextBoolean() ? "%D9%A1%D9%A6" : "%EF%BC%91";
                case 1 -> "0";
                case 2 -> "-1";
                case 3 -> "99999999999999999999";
                case 4 -> "abc";
                case 5 -> "%00";
                case 6 -> "%E2%82";
                case 7 -> "x".repeat(3_000);
                default -> Integer.toString(random.nextInt(1_000_000));
            };
        }

        private static String queryPart(Random random) {
            String[] keys = {"status", "limit", "cursor", "unknown"};
            String[] values = {
                "%D9%A3",
                "%EF%BC%95",
                "pending",
                "PENDING",
                "shipped",
                "0",
                "101",
                "-5",
                "abc",
                "20",
                "%00",
                "%FF",
                "A".repeat(500),
                "",
                "1e3",
                "null"
            };
            StringBuilder query = new StringBuilder();
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                query.append(i == 0 ? "" : "&")
                        .append(pick(random, keys))
                        .append('=')
                        .append(pick(random, values));
            }
            return query.toString();
        }

        private static String garbage(Random random, int length) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                int kind = random.nextInt(4);
                text.appendCodePoint(
                        switch (kind) {
                            case 0 -> 0x20 + random.nextInt(0x5F);
                            case 1 -> 0x00A0 + random.nextInt(0x2000);
                            case 2 -> 0x1F600 + random.nextInt(0x50);
                            default -> SPECIALS.charAt(random.nextInt(SPECIALS.length()));
                        });
            }
            return text.toString();
        }

        private static <T> T pick(Random random, T[] values) {
            return values[random.nextInt(values.length)];
        }

        private static int pick(Random random, int[] values) {
            return values[random.nextInt(values.length)];
        }

        @Override
        public String toString() {
            return method + " " + (path.length() > 80 ? path.substring(0, 80) + "..." : path) + " [" + contentType
                    + ", " + body.length + " bytes, " + (authorization == null ? "no auth" : "auth") + "]";
        }
    }
}
