package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.persistence.EmbeddedDatabase;
import com.acme.orders.adapter.persistence.testing.TestDatabase;
import com.acme.orders.bootstrap.AppConfig;
import com.acme.orders.bootstrap.OrderServiceApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Log-in and registration are throttled per client address and failed log-ins per account, counted in the database
 * that every instance shares. Every test client is 127.0.0.1, so each limit is tested on its own database, with a low
 * limit for it and a generous one for the other. Without its database the limit cannot be counted: the log-in fails
 * closed, with 503.
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

    @Test
    void two_instances_on_one_database_share_both_limits() {
        Map<String, String> limits =
                Map.of("LOGIN_RATE_PER_MINUTE_PER_ADDRESS", "4", "LOGIN_FAILURES_PER_ACCOUNT", "2");
        try (RunningService first = RunningService.start(limits);
                RunningService second = RunningService.startOn(first.database(), limits)) {
            String email = first.client().register(PASSWORD);

            assertThat(logIn(second.client(), email, "wrong-password").status()).isEqualTo(401);
            assertThat(logIn(first.client(), email, "wrong-password").status()).isEqualTo(401);
            assertThrottled(logIn(second.client(), email, PASSWORD));
            assertThrottled(logIn(first.client(), email, PASSWORD));
            assertThat(first.client().get("/", null).status()).isEqualTo(200);
        }
    }

    @Test
    void without_its_database_a_log_in_fails_closed_with_503_and_retry_after_and_is_counted_again_after(
            @TempDir Path dataDir) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path pgData = dataDir.resolve("postgres");
        EmbeddedDatabase database = EmbeddedDatabase.start(pgData, port);
        try {
            Map<String, String> env = new HashMap<>(RunningService.baseEnvironment());
            env.put("DATABASE_URL", TestDatabase.url(database.settings()));
            env.put("LOGIN_FAILURES_PER_ACCOUNT", "2");
            try (OrderServiceApp app = OrderServiceApp.start(AppConfig.from(env))) {
                ApiClient api = new ApiClient(app.port());
                String email = api.register(PASSWORD);
                assertThat(logIn(api, email, "wrong-password").status()).isEqualTo(401);

                database.close();
                for (ApiClient.Response refused : List.of(
                        logIn(api, email, PASSWORD),
                        api.post(
                                "/auth/register",
                                ApiClient.json(Map.of(
                                        "name", "Late Comer", "email", "late@example.com", "password", PASSWORD)),
                                null))) {
                    assertThat(refused.status()).as("%s", refused).isEqualTo(503);
                    assertThat(refused.header("Retry-After")).isPresent();
                    assertThat(refused.header("Content-Type"))
                            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                }

                database = EmbeddedDatabase.start(pgData, port);
                Instant deadline = Instant.now().plusSeconds(30);
                while (api.get("/health/ready", null).status() != 200
                        && Instant.now().isBefore(deadline)) {
                    Thread.sleep(200);
                }
                assertThat(logIn(api, email, "wrong-password").status())
                        .as("the count kept through the outage: one failure before it, this one")
                        .isEqualTo(401);
                assertThrottled(logIn(api, email, PASSWORD));
            }
        } finally {
            database.close();
        }
    }
}
