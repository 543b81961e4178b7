package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Log-in and registration are throttled per client address and failed log-ins per account. Every test client is
 * 127.0.0.1, so each limit is tested on its own service, with a low limit for it and a generous one for the other.
 */
class LoginThrottlingEndToEndTest {

    private static final String PASSWORD = "securepass123";

    private static ApiClient.Response logIn(ApiClient api, String email, String password) {
        return api.post("/auth/login", ApiClient.json(Map.of("email", email, "password", password)), null);
    }

    private static void assertThrottled(ApiClient.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(429);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.header("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isGreaterThanOrEqualTo(1));
        JsonNode problem = response.json();
        assertThat(problem.get("type").asText()).isEqualTo("/problems/too-many-requests");
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    @Test
    void the_request_past_the_per_address_limit_gets_429_with_retry_after() {
        try (RunningService service = RunningService.start(
                Map.of("LOGIN_RATE_PER_MINUTE_PER_ADDRESS", "3", "LOGIN_FAILURES_PER_ACCOUNT", "1000"))) {
            ApiClient api = service.client();
            String email = api.register(PASSWORD);
            assertThat(logIn(api, email, PASSWORD).status()).isEqualTo(200);
            assertThat(logIn(api, email, "wrong-password").status()).isEqualTo(401);

            assertThrottled(logIn(api, email, PASSWORD));
            assertThrottled(api.post(
                    "/auth/register",
                    ApiClient.json(Map.of("name", "Late Comer", "email", "late@example.com", "password", PASSWORD)),
                    null));
            assertThat(api.get("/", null).status())
                    .as("other routes are not throttled")
                    .isEqualTo(200);
        }
    }

    @Test
    void the_login_past_the_per_account_failure_limit_gets_429_even_with_the_right_password() {
        try (RunningService service = RunningService.start(
                Map.of("LOGIN_RATE_PER_MINUTE_PER_ADDRESS", "100000", "LOGIN_FAILURES_PER_ACCOUNT", "3"))) {
            ApiClient api = service.client();
            String email = api.register(PASSWORD);
            String otherEmail = api.register(PASSWORD);
            String shouted = email.toUpperCase(Locale.ROOT);

            assertThat(logIn(api, email, "wrong-password-1").status()).isEqualTo(401);
            assertThat(logIn(api, shouted, "wrong-password-2").status()).isEqualTo(401);
            assertThat(logIn(api, " " + email, "wrong-password").status())
                    .as("an address with surrounding white space is refused, not trimmed, and counts for no account")
                    .isEqualTo(400);
            String capitalised = Character.toUpperCase(email.charAt(0)) + email.substring(1);
            assertThat(logIn(api, capitalised, "wrong-password-3").status()).isEqualTo(401);

            assertThrottled(logIn(api, email, PASSWORD));
            assertThat(logIn(api, otherEmail, PASSWORD).status())
                    .as("another account")
                    .isEqualTo(200);
        }
    }

    @Test
    void a_successful_login_resets_the_per_account_failure_count() {
        try (RunningService service = RunningService.start(
                Map.of("LOGIN_RATE_PER_MINUTE_PER_ADDRESS", "100000", "LOGIN_FAILURES_PER_ACCOUNT", "3"))) {
            ApiClient api = service.client();
            String email = api.register(PASSWORD);

            assertThat(logIn(api, email, "wrong-password").status()).isEqualTo(401);
            assertThat(logIn(api, email, "wrong-password").status()).isEqualTo(401);
            assertThat(logIn(api, email, PASSWORD).status()).isEqualTo(200);
            assertThat(logIn(api, email, "wrong-password").status()).isEqualTo(401);
            assertThat(logIn(api, email, "wrong-password").status()).isEqualTo(401);
            assertThat(logIn(api, email, PASSWORD).status())
                    .as("not locked: the success cleared the count")
                    .isEqualTo(200);
        }
    }
}
