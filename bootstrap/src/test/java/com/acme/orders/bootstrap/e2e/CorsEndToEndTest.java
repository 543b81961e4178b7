package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** CORS is off unless CORS_ALLOWED_ORIGINS lists origins, and then only those exact origins are let in. */
class CorsEndToEndTest {

    private static final String ALLOWED = "https://shop.example.com";
    private static final String OTHER = "https://evil.example.net";

    private static ApiClient.Response getWithOrigin(ApiClient api, String origin) {
        return api.send(api.request("/", null).header("Origin", origin).GET());
    }

    private static ApiClient.Response preflight(ApiClient api, String origin) {
        return api.send(api.request("/orders", null)
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ByDefault {

        private RunningService service;

        @BeforeAll
        void start() {
            service = RunningService.start();
        }

        @AfterAll
        void stop() {
            service.close();
        }

        @Test
        void no_response_carries_cors_headers_when_no_origin_is_configured() {
            ApiClient api = service.client();

            assertThat(getWithOrigin(api, ALLOWED).header("Access-Control-Allow-Origin"))
                    .isEmpty();
            ApiClient.Response preflight = preflight(api, ALLOWED);
            assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();
            assertThat(preflight.header("Access-Control-Allow-Methods")).isEmpty();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithAllowedOrigins {

        private RunningService service;

        @BeforeAll
        void start() {
            service = RunningService.start(Map.of("CORS_ALLOWED_ORIGINS", ALLOWED + ",http://localhost:3000"));
        }

        @AfterAll
        void stop() {
            service.close();
        }

        @Test
        void an_allowed_origin_gets_access_control_allow_origin() {
            ApiClient.Response response = getWithOrigin(service.client(), ALLOWED);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Access-Control-Allow-Origin")).contains(ALLOWED);
        }

        @Test
        void another_origin_gets_no_cors_headers() {
            ApiClient.Response response = getWithOrigin(service.client(), OTHER);

            assertThat(response.header("Access-Control-Allow-Origin")).isEmpty();
            assertThat(preflight(service.client(), OTHER).header("Access-Control-Allow-Origin"))
                    .isEmpty();
        }

        @Test
        void a_preflight_from_an_allowed_origin_is_answered() {
            ApiClient.Response response = preflight(service.client(), "http://localhost:3000");

            assertThat(response.status()).isBetween(200, 204);
            assertThat(response.header("Access-Control-Allow-Origin")).contains("http://localhost:3000");
            assertThat(response.header("Access-Control-Allow-Methods"))
                    .hasValueSatisfying(methods -> assertThat(methods).contains("POST"));
            assertThat(response.header("Access-Control-Allow-Headers"))
                    .hasValueSatisfying(headers ->
                            assertThat(headers.toLowerCase(Locale.ROOT)).contains("authorization"));
        }
    }
}
