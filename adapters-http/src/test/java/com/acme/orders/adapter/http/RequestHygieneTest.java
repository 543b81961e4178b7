package com.acme.orders.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.acme.orders.adapter.http.testing.HygieneHeaders;
import io.micrometer.core.instrument.Timer;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What every request gets whichever way it is answered: hygiene headers that tell a browser not to sniff, frame or
 * cache it, a request id, one access log line and one timer sample by route template.
 */
class RequestHygieneTest {

    private static final RunningApi api = RunningApi.start();

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void every_response_including_health_and_every_problem_carries_the_hygiene_headers() {
        String email = api.register();
        String token = api.logIn(email);
        Map<String, RunningApi.Answer> responses = new LinkedHashMap<>();
        responses.put("GET / (200)", api.get("/"));
        responses.put("GET /health/live (200)", api.get("/health/live"));
        responses.put("GET /health/ready (200)", api.get("/health/ready"));
        responses.put(
                "POST /auth/register (201)",
                api.post(
                        "/auth/register",
                        "{\"name\":\"Header Test\",\"email\":\"headers-" + System.nanoTime()
                                + "@example.com\",\"password\":\"securepass123\"}"));
        responses.put(
                "POST /auth/login (200)",
                api.post("/auth/login", "{\"email\":\"" + email + "\",\"password\":\"securepass123\"}"));
        responses.put(
                "POST /auth/login (401)",
                api.post("/auth/login", "{\"email\":\"" + email + "\",\"password\":\"wrong-password\"}"));
        responses.put("GET /orders (200)", api.get("/orders", RunningApi.bearer(token)));
        responses.put("GET /orders without a token (401)", api.get("/orders"));
        responses.put("GET /orders/999999 (404 problem)", api.get("/orders/999999", RunningApi.bearer(token)));
        responses.put("GET /nothing-here (404)", api.get("/nothing-here"));
        responses.put("DELETE /orders (405)", api.send(api.request("/orders").DELETE()));
        responses.put("POST /auth/login malformed (400)", api.post("/auth/login", "{not json"));
        responses.put(
                "POST /auth/register over 64 KiB (413)",
                api.send(api.request("/auth/register")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + "x".repeat(70_000) + "\"}"))));

        assertThat(responses.values())
                .extracting(RunningApi.Answer::status)
                .containsExactly(200, 200, 200, 201, 200, 401, 200, 401, 404, 404, 405, 400, 413);
        SoftAssertions softly = new SoftAssertions();
        responses.forEach((what, response) -> HygieneHeaders.assertCarried(softly, what, response.headers()));
        softly.assertAll();
    }

    @Test
    void json_answers_may_load_nothing_and_the_documentation_pages_only_what_this_origin_serves() {
        assertThat(api.get("/orders").header("Content-Security-Policy"))
                .contains("default-src 'none'; frame-ancestors 'none'");
        assertThat(api.get("/openapi.json").header("Content-Security-Policy"))
                .contains("default-src 'none'; frame-ancestors 'none'");
        for (String page : new String[] {"/docs", "/redoc"}) {
            RunningApi.Answer response = api.get(page);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(response.header("Content-Security-Policy"))
                    .as(page)
                    .hasValueSatisfying(policy -> assertThat(policy)
                            .contains(
                                    "default-src 'none'",
                                    "script-src 'self';",
                                    "connect-src 'self';",
                                    "frame-ancestors 'none'")
                            .doesNotContain("http", "unsafe-eval", "*"));
            assertThat(response.body()).as(page).doesNotContain("http://", "https://", "//fonts.", "cdn");
        }
    }

    @Test
    void a_sane_request_id_is_echoed_and_an_insane_one_replaced() {
        RunningApi.Answer sane = api.get("/", "X-Request-Id", "abc-123_x.y:z");
        RunningApi.Answer insane =
                api.get("/", "X-Request-Id", "bad id with spaces and a very long tail " + "x".repeat(200));
        RunningApi.Answer none = api.get("/");

        assertThat(sane.header("X-Request-Id")).contains("abc-123_x.y:z");
        assertGeneratedRequestId(insane);
        assertGeneratedRequestId(none);
    }

    @Test
    void a_request_id_of_128_characters_is_echoed_and_one_of_129_replaced() {
        String longest = "a".repeat(128);

        assertThat(api.get("/", "X-Request-Id", longest).header("X-Request-Id")).contains(longest);
        assertGeneratedRequestId(api.get("/", "X-Request-Id", longest + "a"));
        assertGeneratedRequestId(api.get("/", "X-Request-Id", "id/with/slashes"));
    }

    /** The answer carries an id the service made: a random UUID. */
    private static void assertGeneratedRequestId(RunningApi.Answer answer) {
        assertThat(answer.header("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    @Test
    void a_generated_request_id_is_a_version_4_uuid_and_never_repeats() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = RequestHygiene.newRequestId();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).as(id).isEqualTo(4);
            assertThat(uuid.variant()).as(id).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
            ids.add(id);
        }
        assertThat(ids).hasSize(100_000);
    }

    @Test
    void every_request_is_logged_once_by_route_template_with_its_request_id_and_fields() throws Exception {
        String token = api.newUserToken();
        try (CapturedLog access = CapturedLog.of("access")) {
            api.get("/orders/424242", "Authorization", "Bearer " + token, "X-Request-Id", "access-line-1");
            api.get("/no/such/path/987654", "X-Request-Id", "access-line-2");

            ILoggingEvent matched = access.awaitOne("access-line-1");
            ILoggingEvent unmatched = access.awaitOne("access-line-2");

            assertThat(matched.getLevel()).isEqualTo(Level.INFO);
            assertThat(matched.getFormattedMessage()).matches("GET /orders/\\{id} 404 \\d+\\.\\dms");
            assertThat(matched.getMDCPropertyMap())
                    .containsEntry("request_id", "access-line-1")
                    .containsEntry("http_method", "GET")
                    .containsEntry("http_route", "/orders/{id}")
                    .containsEntry("http_status", "404")
                    .containsKey("duration_ms");
            assertThat(matched.getFormattedMessage())
                    .endsWith(matched.getMDCPropertyMap().get("duration_ms") + "ms");
            assertThat(unmatched.getFormattedMessage()).matches("GET unmatched 404 \\d+\\.\\dms");
            assertThat(unmatched.getMDCPropertyMap()).containsEntry("http_route", "unmatched");
        }
    }

    @Test
    void every_request_is_timed_by_method_route_template_and_status_never_by_raw_path() throws Exception {
        String token = api.newUserToken();
        api.get("/orders/31337", RunningApi.bearer(token));
        api.get("/no/such/path/31337");

        Timer byTemplate = awaitTimer("GET", "/orders/{id}", "404");
        Timer unmatched = awaitTimer("GET", HttpMetrics.UNMATCHED, "404");

        assertThat(byTemplate.count()).isPositive();
        assertThat(unmatched.count()).isPositive();
        assertThat(api.meters().getMeters())
                .allSatisfy(
                        meter -> assertThat(meter.getId().getTags().toString()).doesNotContain("31337"));
    }

    /** The access line and the timer sample come after the answer is sent: a test waits a little for them. */
    private static Timer awaitTimer(String method, String route, String status) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (true) {
            Timer timer = api.meters()
                    .find(HttpMetrics.REQUESTS)
                    .tags("method", method, "route", route, "status", status)
                    .timer();
            if (timer != null || Instant.now().isAfter(deadline)) {
                assertThat(timer).as("timer %s %s %s", method, route, status).isNotNull();
                return timer;
            }
            Thread.sleep(20);
        }
    }
}
