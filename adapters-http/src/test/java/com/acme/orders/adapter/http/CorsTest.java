package com.acme.orders.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** CORS is off unless origins are configured, and then only those exact origins are let in. */
class CorsTest {

    private static final String ALLOWED = "https://shop.example.com";
    private static final String OTHER = "https://evil.example.net";

    private static RunningApi.Answer getWithOrigin(RunningApi api, String origin) {
        return api.get("/", "Origin", origin);
    }

    private static RunningApi.Answer preflight(RunningApi api, String origin) {
        return api.send(api.request("/orders")
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ByDefault {

        private RunningApi api;

        @BeforeAll
        void start() {
            api = RunningApi.start();
        }

        @AfterAll
        void stop() {
            api.close();
        }

        @Test
        void no_response_carries_cors_headers_when_no_origin_is_configured() {
            assertThat(getWithOrigin(api, ALLOWED).header("Access-Control-Allow-Origin"))
                    .isEmpty();
            RunningApi.Answer preflight = preflight(api, ALLOWED);
            assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();
            assertThat(preflight.header("Access-Control-Allow-Methods")).isEmpty();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithAllowedOrigins {

        private RunningApi api;

        @BeforeAll
        void start() {
            api = RunningApi.start(setup -> setup.corsAllowedOrigins = List.of(ALLOWED, "http://localhost:3000"));
        }

        @AfterAll
        void stop() {
            api.close();
        }

        @Test
        void an_allowed_origin_gets_access_control_allow_origin() {
            RunningApi.Answer response = getWithOrigin(api, ALLOWED);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Access-Control-Allow-Origin")).contains(ALLOWED);
        }

        @Test
        void another_origin_gets_no_cors_headers() {
            RunningApi.Answer response = getWithOrigin(api, OTHER);

            assertThat(response.header("Access-Control-Allow-Origin")).isEmpty();
            assertThat(preflight(api, OTHER).header("Access-Control-Allow-Origin"))
                    .isEmpty();
        }

        @Test
        void a_preflight_from_an_allowed_origin_is_answered() {
            RunningApi.Answer response = preflight(api, "http://localhost:3000");

            assertThat(response.status()).isBetween(200, 204);
            assertThat(response.header("Access-Control-Allow-Origin")).contains("http://localhost:3000");
            assertThat(response.header("Access-Control-Allow-Methods"))
                    .hasValueSatisfying(methods -> assertThat(methods).contains("POST"));
            assertThat(response.header("Access-Control-Allow-Headers"))
                    .hasValueSatisfying(headers ->
                            assertThat(headers.toLowerCase(Locale.ROOT)).contains("authorization"));
        }

        @Test
        void a_script_of_an_allowed_origin_may_read_the_request_id_location_and_retry_after() {
            RunningApi.Answer response = getWithOrigin(api, ALLOWED);

            assertThat(response.header("Access-Control-Expose-Headers"))
                    .hasValueSatisfying(exposed -> assertThat(
                                    exposed.toLowerCase(Locale.ROOT).split(",\\s*"))
                            .contains("x-request-id", "location", "retry-after"));
        }
    }
}
