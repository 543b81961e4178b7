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
            for (int i = 0; i < REQUESTS; i++) {
                Random random = new Random(seed + i);
                work.add(senders.submit(() -> {
                    Attempt attempt = Attempt.random(random, token, ownOrder);
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

        assertThat(serverErrors).as("answers with a 5xx status").isEmpty();
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
        private static final String[] METHODS = {"GET", "POST", "PATCH", "PUT", "DELETE", "OPTIONS"};

        static Attempt random(Random random, String token, long ownOrder) {
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
            String authorization = switch (random.nextInt(8)) {
                case 0 -> null;
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
            Function<String, String> mutate = switch (random.nextInt(16)) {
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
                        "9".repeat(400)
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
                default -> body -> body;
            };
            byte[] bytes = mutate.apply(valid).getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(12) == 0 && bytes.length > 4) {
                bytes[random.nextInt(bytes.length)] = (byte) (0x80 | random.nextInt(0x40)); // invalid UTF-8
            }
            return bytes;
        }

        private static String pathPart(Random random, long ownOrder) {
            return switch (random.nextInt(9)) {
                case 0 -> Long.toString(ownOrder);
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
