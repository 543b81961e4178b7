package com.acme.orders.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.domain.user.Email;
import com.acme.orders.domain.user.UserId;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bearer tokens on the protected routes (RFC 6750): read from the {@code Authorization} header and nowhere else, and
 * every refusal a 401 problem whose challenge says what was wrong.
 */
class BearerAuthenticationTest {

    private static final String CHALLENGE = "Bearer realm=\"order-service\"";

    private static final RunningApi api = RunningApi.start();
    private static final String email = api.register();
    private static final String token = api.logIn(email);

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void the_token_in_the_authorization_header_is_accepted() {
        assertThat(api.get("/orders", RunningApi.bearer(token)).status()).isEqualTo(200);
    }

    @Test
    void a_valid_token_in_the_access_token_query_parameter_is_refused_with_401() {
        RunningApi.Answer response = api.get("/orders?access_token=" + token);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
    }

    @Test
    void a_valid_token_in_a_cookie_is_refused_with_401() {
        RunningApi.Answer response = api.get(
                "/orders",
                "Cookie",
                "access_token=" + token + "; token=" + token + "; Authorization=Bearer%20" + token);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Bearer", "Bearer not.a.jwt", "token-without-scheme"})
    void malformed_authorization_answers_401_with_a_bearer_challenge(String authorization) {
        RunningApi.Answer response = api.get("/orders", "Authorization", authorization);

        response.assertProblem(401);
        assertThat(response.header("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void without_a_token_the_challenge_carries_no_error_code() {
        RunningApi.Answer response = api.get("/orders");

        assertUnauthorized(response, CHALLENGE, "A bearer token is required: log in at /auth/login.");
        assertUnauthorized(
                api.get("/orders", "Authorization", " "),
                CHALLENGE,
                response.json().get("detail").asText());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Basic dXNlcjpwYXNz",
                "Bearer",
                "token-without-scheme",
                "Token abc",
                "Bearerabc",
                "Bear er abc",
                "xBearer abc",
                "Bearers abc"
            })
    void a_header_that_is_not_a_bearer_token_is_an_invalid_request(String authorization) {
        assertUnauthorized(
                api.get("/orders", "Authorization", authorization),
                CHALLENGE + ", error=\"invalid_request\"",
                "The Authorization header must be 'Bearer <token>'.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not.a.jwt", "a token with spaces", "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0."})
    void a_bearer_token_that_does_not_verify_is_an_invalid_token(String presented) {
        assertInvalidToken(api.get("/orders", "Authorization", "Bearer " + presented));
    }

    @Test
    void an_altered_token_is_an_invalid_token() {
        String altered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        assertInvalidToken(api.get("/orders", RunningApi.bearer(altered)));
    }

    @Test
    void a_token_signed_with_another_key_is_an_invalid_token() {
        AccessTokens foreign = new AccessTokens(
                "another-secret-that-is-at-least-32-bytes-long", "HS256", Duration.ofMinutes(15), Clock.systemUTC());
        UserId user =
                api.store().users().findByEmail(new Email(email)).orElseThrow().id();

        assertInvalidToken(api.get("/orders", RunningApi.bearer(foreign.issue(user, 0))));
    }

    @Test
    void a_token_of_a_user_that_does_not_exist_is_an_invalid_token() {
        assertInvalidToken(api.get("/orders", RunningApi.bearer(api.tokens().issue(new UserId(987_654), 0))));
    }

    @Test
    void a_token_issued_before_its_user_revoked_their_tokens_is_an_invalid_token() {
        String revokedEmail = api.register();
        String revoked = api.logIn(revokedEmail);
        assertThat(api.get("/orders", RunningApi.bearer(revoked)).status()).isEqualTo(200);

        api.store()
                .users()
                .revokeTokens(api.store()
                        .users()
                        .findByEmail(new Email(revokedEmail))
                        .orElseThrow()
                        .id());

        assertInvalidToken(api.get("/orders", RunningApi.bearer(revoked)));
        assertThat(api.get("/orders", RunningApi.bearer(api.logIn(revokedEmail)))
                        .status())
                .as("a new log-in")
                .isEqualTo(200);
    }

    @Test
    void the_scheme_is_case_insensitive_and_white_space_around_the_token_is_ignored() {
        assertThat(api.get("/orders", "Authorization", "bearer " + token).status())
                .isEqualTo(200);
        assertThat(api.get("/orders", "Authorization", "BEARER   " + token + "  ")
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/orders", "Authorization", "Bearer\t" + token).status())
                .isEqualTo(200);
    }

    @Test
    void every_order_route_needs_a_token_and_the_others_none() {
        assertThat(api.get("/orders").status()).isEqualTo(401);
        assertThat(api.post("/orders", "{}").status()).isEqualTo(401);
        assertThat(api.get("/orders/1").status()).isEqualTo(401);
        assertThat(api.send(api.request("/orders/1/cancel").method("PATCH", HttpRequest.BodyPublishers.noBody()))
                        .status())
                .isEqualTo(401);
        assertThat(api.get("/orders/1/history").status()).isEqualTo(401);
        for (String open : new String[] {"/", "/health/live", "/health/ready", "/openapi.json"}) {
            assertThat(api.get(open).status()).as(open).isEqualTo(200);
        }
    }

    @Test
    void a_handler_sees_the_caller_the_token_names() {
        RunningApi.Answer placed =
                api.post("/orders", "{\"product_name\":\"Widget\",\"amount\":9.99}", RunningApi.bearer(token));
        long caller = api.store()
                .users()
                .findByEmail(new Email(email))
                .orElseThrow()
                .id()
                .value();

        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.json().get("user_id").asLong()).isEqualTo(caller);
    }

    private static void assertInvalidToken(RunningApi.Answer response) {
        assertUnauthorized(
                response, CHALLENGE + ", error=\"invalid_token\"", "The bearer token is invalid, revoked or expired.");
    }

    private static void assertUnauthorized(RunningApi.Answer response, String challenge, String detail) {
        response.assertProblem(401);
        assertThat(response.header("WWW-Authenticate")).contains(challenge);
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/unauthorized");
        assertThat(response.json().get("title").asText()).isEqualTo("Unauthorized");
        assertThat(response.json().get("detail").asText()).isEqualTo(detail);
    }
}
