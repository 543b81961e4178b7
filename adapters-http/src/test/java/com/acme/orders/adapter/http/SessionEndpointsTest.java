package com.acme.orders.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /auth/refresh}, {@code POST /auth/logout} and {@code GET /auth/me} on the real server. */
class SessionEndpointsTest {

    private static final RunningApi api = RunningApi.start();

    @AfterAll
    static void stop() {
        api.close();
    }

    private static RunningApi.Answer refresh(String refreshToken) {
        return api.post("/auth/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}");
    }

    private static void assertRefused(RunningApi.Answer answer) {
        answer.assertProblem(401);
        assertThat(answer.json().get("type").asText()).isEqualTo("/problems/invalid-refresh-token");
        assertThat(answer.header("WWW-Authenticate"))
                .contains("Bearer realm=\"order-service\", error=\"invalid_token\"");
    }

    @Test
    void log_in_answers_a_refresh_token_beside_the_access_token() {
        JsonNode tokens = api.logInAnswer(api.register()).json();

        assertThat(tokens.get("refresh_token").asText()).matches("[A-Za-z0-9_-]{43}");
        assertThat(tokens.get("token_type").asText()).isEqualTo("bearer");
        assertThat(tokens.get("expires_in").asLong()).isEqualTo(900);
    }

    @Test
    void a_refresh_answers_a_new_pair_that_works_and_the_old_refresh_token_is_spent() {
        JsonNode first = api.logInAnswer(api.register()).json();

        RunningApi.Answer refreshed = refresh(first.get("refresh_token").asText());

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.header("Cache-Control")).contains("no-store");
        JsonNode second = refreshed.json();
        assertThat(second.get("refresh_token").asText())
                .isNotEqualTo(first.get("refresh_token").asText())
                .matches("[A-Za-z0-9_-]{43}");
        assertThat(second.get("expires_in").asLong()).isEqualTo(900);
        assertThat(api.get(
                                "/auth/me",
                                RunningApi.bearer(second.get("access_token").asText()))
                        .status())
                .isEqualTo(200);
        assertThat(refresh(second.get("refresh_token").asText()).status()).isEqualTo(200);
    }

    @Test
    void a_spent_refresh_token_presented_again_gets_401_and_kills_the_family_and_every_access_token() {
        JsonNode first = api.logInAnswer(api.register()).json();
        JsonNode second = refresh(first.get("refresh_token").asText()).json();

        assertRefused(refresh(first.get("refresh_token").asText()));

        assertThat(api.get(
                                "/auth/me",
                                RunningApi.bearer(second.get("access_token").asText()))
                        .status())
                .isEqualTo(401);
        assertThat(api.get(
                                "/auth/me",
                                RunningApi.bearer(first.get("access_token").asText()))
                        .status())
                .isEqualTo(401);
        assertRefused(refresh(second.get("refresh_token").asText()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "..//%00"})
    void an_unknown_refresh_token_gets_401(String token) {
        assertRefused(refresh(token));
    }

    @Test
    void bad_refresh_bodies_get_400() {
        api.post("/auth/refresh", "{}").assertProblem(400);
        api.post("/auth/refresh", "{\"refresh_token\":\"\"}").assertProblem(400);
        api.post("/auth/refresh", "{\"refresh_token\":null}").assertProblem(400);
        api.post("/auth/refresh", "{\"refresh_token\":12345}").assertProblem(400);
        api.post("/auth/refresh", "{\"refresh_token\":\"" + "x".repeat(513) + "\"}")
                .assertProblem(400);
        api.post("/auth/refresh", "{\"refresh_token\":\"abc\",\"user_id\":1}").assertProblem(400);
        api.post("/auth/refresh", "{\"refresh_token\":").assertProblem(400);
        RunningApi.Answer missing = api.post("/auth/refresh", "{}");
        assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("refresh_token");
    }

    @Test
    void of_concurrent_refreshes_with_one_token_exactly_one_gets_200() throws Exception {
        String token =
                api.logInAnswer(api.register()).json().get("refresh_token").asText();
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            attempts.add(() -> refresh(token).status());
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Integer> status : clients.invokeAll(attempts)) {
                statuses.add(status.get());
            }
        }

        assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 401);
    }

    @Test
    void log_out_answers_204_and_every_token_of_the_caller_stops_working() {
        String email = api.register();
        JsonNode one = api.logInAnswer(email).json();
        JsonNode two = api.logInAnswer(email).json();
        String other = api.newUserToken();

        RunningApi.Answer loggedOut = api.send(api.request("/auth/logout")
                .headers(RunningApi.bearer(one.get("access_token").asText()))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(loggedOut.status()).isEqualTo(204);
        assertThat(loggedOut.body()).isEmpty();
        assertThat(api.get("/auth/me", RunningApi.bearer(one.get("access_token").asText()))
                        .status())
                .isEqualTo(401);
        assertThat(api.get("/auth/me", RunningApi.bearer(two.get("access_token").asText()))
                        .status())
                .isEqualTo(401);
        assertRefused(refresh(one.get("refresh_token").asText()));
        assertRefused(refresh(two.get("refresh_token").asText()));
        assertThat(api.get("/auth/me", RunningApi.bearer(other)).status()).isEqualTo(200);
        assertThat(api.logIn(email)).as("a new log-in works").isNotBlank();
    }

    @Test
    void log_out_without_a_valid_token_gets_401() {
        api.send(api.request("/auth/logout").POST(HttpRequest.BodyPublishers.noBody()))
                .assertProblem(401);
        api.send(api.request("/auth/logout")
                        .headers(RunningApi.bearer("not-a-token"))
                        .POST(HttpRequest.BodyPublishers.noBody()))
                .assertProblem(401);
    }

    @Test
    void me_answers_the_callers_account_without_its_password_hash() {
        String email = api.register();
        JsonNode me = api.get("/auth/me", RunningApi.bearer(api.logIn(email))).json();

        assertThat(me.get("email").asText()).isEqualTo(email);
        assertThat(me.get("name").asText()).isEqualTo("Test User");
        assertThat(me.get("id").asLong()).isPositive();
        assertThat(me.get("created_at").asText()).endsWith("Z");
        assertThat(me.properties()).hasSize(4);
    }

    @Test
    void me_without_a_token_gets_401() {
        RunningApi.Answer answer = api.get("/auth/me");

        answer.assertProblem(401);
        assertThat(answer.header("WWW-Authenticate")).isPresent();
    }
}
