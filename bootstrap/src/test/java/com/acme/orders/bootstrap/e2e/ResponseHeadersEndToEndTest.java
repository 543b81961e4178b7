package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** Response hygiene: every answer, successful or not, tells a browser not to sniff, frame or cache it. */
class ResponseHeadersEndToEndTest extends ServiceTest {

    static void assertHygieneHeaders(SoftAssertions softly, String what, ApiClient.Response response) {
        softly.assertThat(response.header("X-Content-Type-Options")).as(what).contains("nosniff");
        softly.assertThat(response.header("X-Frame-Options")).as(what).contains("DENY");
        softly.assertThat(response.header("Content-Security-Policy"))
                .as(what)
                .hasValueSatisfying(policy -> assertThat(policy).contains("frame-ancestors 'none'"));
        softly.assertThat(response.header("Cache-Control")).as(what).contains("no-store");
    }

    @Test
    void every_response_including_health_and_every_problem_carries_the_hygiene_headers() {
        String email = api.register("securepass123");
        String token = api.login(email, "securepass123");
        Map<String, ApiClient.Response> responses = new LinkedHashMap<>();
        responses.put("GET / (200)", api.get("/", null));
        responses.put("GET /health/live (200)", api.get("/health/live", null));
        responses.put("GET /health/ready (200)", api.get("/health/ready", null));
        responses.put(
                "POST /auth/register (201)",
                api.post(
                        "/auth/register",
                        ApiClient.json(Map.of(
                                "name",
                                "Header Test",
                                "email",
                                "headers-" + System.nanoTime() + "@example.com",
                                "password",
                                "securepass123")),
                        null));
        responses.put(
                "POST /auth/login (200)",
                api.post("/auth/login", ApiClient.json(Map.of("email", email, "password", "securepass123")), null));
        responses.put(
                "POST /auth/login (401)",
                api.post("/auth/login", ApiClient.json(Map.of("email", email, "password", "wrong-password")), null));
        responses.put("GET /orders (200)", api.get("/orders", token));
        responses.put("GET /orders without a token (401)", api.get("/orders", null));
        responses.put("GET /orders/999999 (404 problem)", api.get("/orders/999999", token));
        responses.put("GET /nothing-here (404)", api.get("/nothing-here", null));
        responses.put(
                "DELETE /orders (405)", api.send(api.request("/orders", null).DELETE()));
        responses.put("POST /auth/login malformed (400)", api.post("/auth/login", "{not json", null));
        responses.put(
                "POST /auth/register over 64 KiB (413)",
                api.send(api.request("/auth/register", null)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + "x".repeat(70_000) + "\"}"))));

        assertThat(responses.values())
                .extracting(ApiClient.Response::status)
                .containsExactly(200, 200, 200, 201, 200, 401, 200, 401, 404, 404, 405, 400, 413);
        SoftAssertions softly = new SoftAssertions();
        responses.forEach((what, response) -> assertHygieneHeaders(softly, what, response));
        softly.assertAll();
    }

    @Test
    void json_answers_may_load_nothing_and_the_documentation_pages_only_what_this_origin_serves() {
        assertThat(api.get("/orders", null).header("Content-Security-Policy"))
                .contains("default-src 'none'; frame-ancestors 'none'");
        assertThat(api.get("/openapi.json", null).header("Content-Security-Policy"))
                .contains("default-src 'none'; frame-ancestors 'none'");
        for (String page : new String[] {"/docs", "/redoc"}) {
            ApiClient.Response response = api.get(page, null);
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

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "GET /%zz HTTP/1.1|Host: x",
                "GET /orders/%u0031 HTTP/1.1|Host: x",
                "GET /orders/%2e%2e/x HTTP/1.1|Host: x",
                "GET / HTTP/1.1|Host: x|Bad Header",
                "GET / HTTP/1.1",
                "GET / HTTP/1.1|Host: x|Host: y",
                "GET / HTTP/1.7|Host: x",
                "POST /auth/login HTTP/1.1|Host: x|Expect: nonsense|Content-Length: 2"
            })
    void the_http_servers_own_refusals_are_problems_with_the_request_id_and_the_hygiene_headers(String lines) {
        String answer = api.sendRaw((lines.replace("|", "\r\n") + "\r\nX-Request-Id: raw-1\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        String head = answer.split("\r\n\r\n", 2)[0].toLowerCase(java.util.Locale.ROOT);
        String body = answer.split("\r\n\r\n", 2)[1];

        assertThat(head).as(answer).matches("(?s)http/1\\.1 4\\d\\d .*");
        assertThat(head).contains("content-type: application/problem+json");
        assertThat(head)
                .contains("x-content-type-options: nosniff", "x-frame-options: deny", "cache-control: no-store");
        assertThat(head).containsPattern("x-request-id: (raw-1|[0-9a-f-]{36})");
        assertThat(body).contains("\"status\":").contains("\"request_id\":").doesNotContain("<html");
    }
}
