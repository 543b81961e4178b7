package com.acme.orders.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.port.out.StorageUnavailableException;
import com.acme.orders.application.service.LoginLimitSettings;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The log-in limits as the API answers them: log-in and registration POSTs count together per client address, failed
 * log-ins per account; past a limit, 429 problem+json with {@code Retry-After}; a limiter that cannot be reached
 * fails closed with 503. Which address a request counts for: {@link TrustedProxiesTest} and the tests below.
 */
class LoginThrottleTest {

    private RunningApi api;

    @AfterEach
    void stop() {
        api.close();
    }

    private static String logInBody(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    private static void assertThrottled(RunningApi.Answer answer, long maxSeconds) {
        answer.assertProblem(429);
        assertThat(answer.json().get("type").asText()).isEqualTo("/problems/too-many-requests");
        assertThat(answer.header("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, maxSeconds));
    }

    @Test
    void log_in_and_registration_share_the_allowance_of_an_address_and_the_request_past_it_gets_429() {
        api = RunningApi.start(setup -> setup.loginLimits = new LoginLimitSettings(3, 1_000, Duration.ofMinutes(15)));
        String email = api.register();
        api.logIn(email);
        assertThat(api.post("/auth/login", logInBody(email, "wrong-password")).status())
                .isEqualTo(401);

        RunningApi.Answer refused = api.post(
                "/auth/register",
                "{\"name\":\"Late Comer\",\"email\":\"late@example.com\",\"password\":\"securepass123\"}");

        assertThrottled(refused, 20);
        assertThat(refused.json().get("detail").asText()).contains("from this address");
        assertThrottled(api.post("/auth/login", logInBody(email, RunningApi.PASSWORD)), 20);
    }

    @Test
    void only_well_formed_log_ins_and_registrations_count() {
        api = RunningApi.start(setup -> setup.loginLimits = new LoginLimitSettings(1, 1_000, Duration.ofMinutes(15)));
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/auth/login").status()).isEqualTo(405);
            assertThat(api.get("/auth/register").status()).isEqualTo(405);
            assertThat(api.get("/").status()).isEqualTo(200);
            assertThat(api.post("/auth/register", "{}").status())
                    .as("refused as invalid before it is counted")
                    .isEqualTo(400);
        }

        api.register();
        assertThat(api.post("/auth/login", logInBody("someone@example.com", "whatever-it-is"))
                        .status())
                .isEqualTo(429);
    }

    @Test
    void past_the_failures_of_an_account_even_the_right_password_gets_429() {
        api = RunningApi.start(setup -> setup.loginLimits = new LoginLimitSettings(100_000, 2, Duration.ofMinutes(10)));
        String email = api.register();
        for (int i = 0; i < 2; i++) {
            assertThat(api.post("/auth/login", logInBody(email, "wrong-password"))
                            .status())
                    .isEqualTo(401);
        }

        RunningApi.Answer refused = api.post("/auth/login", logInBody(email, RunningApi.PASSWORD));

        assertThrottled(refused, 300);
        assertThat(refused.json().get("detail").asText()).contains("for this account");
    }

    @Test
    void a_limiter_that_cannot_be_reached_fails_closed_with_503_and_retry_after() {
        api = RunningApi.start();
        String email = api.register();
        api.limiter().failWith(new StorageUnavailableException("the database cannot be reached", null));

        RunningApi.Answer logIn = api.post("/auth/login", logInBody(email, RunningApi.PASSWORD));
        RunningApi.Answer registration = api.post(
                "/auth/register",
                "{\"name\":\"Late Comer\",\"email\":\"late@example.com\",\"password\":\"securepass123\"}");

        for (RunningApi.Answer answer : new RunningApi.Answer[] {logIn, registration}) {
            answer.assertProblem(503);
            assertThat(answer.header("Retry-After")).isPresent();
            assertThat(answer.body()).doesNotContain("database cannot be reached");
        }
    }

    @Test
    void x_forwarded_for_from_a_peer_that_is_not_trusted_changes_nothing() {
        api = RunningApi.start(setup -> setup.loginLimits = new LoginLimitSettings(2, 1_000, Duration.ofMinutes(15)));
        String email = api.register();
        assertThat(api.post("/auth/login", logInBody(email, RunningApi.PASSWORD), "X-Forwarded-For", "203.0.113.1")
                        .status())
                .isEqualTo(200);

        assertThat(api.post("/auth/login", logInBody(email, RunningApi.PASSWORD), "X-Forwarded-For", "203.0.113.2")
                        .status())
                .as("a new address in the header of a peer that is not trusted is no new allowance")
                .isEqualTo(429);
    }

    @Test
    void behind_a_trusted_proxy_each_forwarded_client_has_its_own_allowance() {
        api = RunningApi.start(setup -> {
            setup.loginLimits = new LoginLimitSettings(1, 1_000, Duration.ofMinutes(15));
            setup.trustedProxies = TrustedProxies.parse("127.0.0.1");
        });
        String email = api.register(); // counted for 127.0.0.1, the proxy itself

        for (String client : new String[] {"203.0.113.1", "2001:db8::1", "203.0.113.2"}) {
            assertThat(api.post(
                                    "/auth/login",
                                    logInBody(email, RunningApi.PASSWORD),
                                    "X-Forwarded-For",
                                    "198.51.100.9, " + client)
                            .status())
                    .as("the first log-in of %s", client)
                    .isEqualTo(200);
        }
        assertThat(api.post(
                                "/auth/login",
                                logInBody(email, RunningApi.PASSWORD),
                                "X-Forwarded-For",
                                "203.0.113.99, 203.0.113.1")
                        .status())
                .as("the hop the trusted proxy wrote counts, not what the client wrote before it")
                .isEqualTo(429);
        assertThat(api.post("/auth/login", logInBody(email, RunningApi.PASSWORD), "X-Forwarded-For", "not an address")
                        .status())
                .as("garbage in the header: the proxy's own address, already used up")
                .isEqualTo(429);
    }
}
