package com.acme.orders.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-address allowance: log-in and registration POSTs count together, per client address; nothing else does. */
class AddressThrottleTest {

    private final RunningApi api = RunningApi.start(
            setup -> setup.loginThrottle = new LoginThrottleSettings(3, 1_000, Duration.ofMinutes(15)));

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void log_in_and_registration_share_the_allowance_and_the_request_past_it_gets_429_with_retry_after() {
        String email = api.register();
        api.logIn(email);
        assertThat(api.post("/auth/login", "{\"email\":\"" + email + "\",\"password\":\"wrong-password\"}")
                        .status())
                .isEqualTo(401);

        RunningApi.Answer refused = api.post("/auth/register", "{}");

        refused.assertProblem(429);
        assertThat(refused.json().get("type").asText()).isEqualTo("/problems/too-many-requests");
        assertThat(refused.header("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
        assertThat(api.post("/auth/login", "{}").status()).isEqualTo(429);
    }

    @Test
    void requests_other_than_a_post_to_the_two_paths_do_not_count() {
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/auth/login").status()).isEqualTo(405);
            assertThat(api.get("/auth/register").status()).isEqualTo(405);
            assertThat(api.get("/").status()).isEqualTo(200);
        }

        assertThat(api.post("/auth/register", "{}").status())
                .as("the first counted request")
                .isEqualTo(400);
    }
}
