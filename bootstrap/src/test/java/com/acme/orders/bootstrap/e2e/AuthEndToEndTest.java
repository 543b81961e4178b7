package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthEndToEndTest extends ServiceTest {

    private static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void registration_answers_201_with_the_user_and_never_the_password_or_its_hash() {
        String email = uniqueEmail();

        ApiClient.Response response = api.post(
                "/auth/register",
                ApiClient.json(Map.of(
                        "name", "  John Doe ", "email", email.toUpperCase(Locale.ROOT), "password", "securepass123")),
                null);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode user = response.json();
        assertThat(user.get("id").asLong()).isPositive();
        assertThat(user.get("name").asText()).as("stored exactly as sent").isEqualTo("  John Doe ");
        assertThat(user.get("email").asText()).as("stored exactly as sent").isEqualTo(email.toUpperCase(Locale.ROOT));
        assertThat(user.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(user.properties())
                .extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("id", "name", "email", "created_at");
        assertThat(response.body()).doesNotContain("securepass123").doesNotContain("$2a$");
    }

    @Test
    void an_email_registered_twice_in_any_case_answers_409() {
        String email = uniqueEmail();
        api.post(
                "/auth/register",
                ApiClient.json(Map.of("name", "First", "email", email, "password", "securepass123")),
                null);

        ApiClient.Response response = api.post(
                "/auth/register",
                ApiClient.json(
                        Map.of("name", "Second", "email", email.toUpperCase(Locale.ROOT), "password", "securepass123")),
                null);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/email-already-registered");
        assertThat(response.json().get("status").asInt()).isEqualTo(409);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "name too short          | {\"name\":\"J\",\"email\":\"j@example.com\",\"password\":\"securepass123\"}           | name",
                "name blank              | {\"name\":\"   \",\"email\":\"j@example.com\",\"password\":\"securepass123\"}         | name",
                "email invalid           | {\"name\":\"John\",\"email\":\"not-an-email\",\"password\":\"securepass123\"}       | email",
                "password 7 bytes        | {\"name\":\"John\",\"email\":\"j@example.com\",\"password\":\"short12\"}            | password",
                "password missing        | {\"name\":\"John\",\"email\":\"j@example.com\"}                                     | password",
                "name is a number        | {\"name\":123,\"email\":\"j@example.com\",\"password\":\"securepass123\"}           | name",
                "unknown field           | {\"name\":\"John\",\"email\":\"j@example.com\",\"password\":\"securepass123\",\"id\":5} | id",
            })
    void invalid_registrations_answer_400_naming_the_field(String why, String body, String field) {
        ApiClient.Response response = api.post("/auth/register", body, null);

        assertThat(response.status()).as(why).isEqualTo(400);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.json().get("errors").findValuesAsText("field")).contains(field);
    }

    @Test
    void every_invalid_field_is_reported_at_once() {
        ApiClient.Response response =
                api.post("/auth/register", "{\"name\":\"J\",\"email\":\"nope\",\"password\":\"short\"}", null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("name", "email", "password");
    }

    @Test
    void a_password_over_72_utf8_bytes_is_refused_not_truncated() {
        String password = "é".repeat(37); // 37 characters, 74 bytes

        ApiClient.Response response = api.post(
                "/auth/register",
                ApiClient.json(Map.of("name", "John", "email", uniqueEmail(), "password", password)),
                null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("message").asText()).contains("72 bytes");
    }

    @Test
    void a_password_of_exactly_72_utf8_bytes_is_accepted_and_logs_in() {
        String password = "é".repeat(36);
        String email = uniqueEmail();

        assertThat(api.post(
                                "/auth/register",
                                ApiClient.json(Map.of("name", "John", "email", email, "password", password)),
                                null)
                        .status())
                .isEqualTo(201);
        assertThat(api.login(email, password)).isNotBlank();
    }

    @Test
    void login_answers_a_bearer_token_that_expires_in_900_seconds() {
        String email = api.register("securepass123");

        ApiClient.Response response = api.post(
                "/auth/login",
                ApiClient.json(Map.of("email", email.toUpperCase(Locale.ROOT), "password", "securepass123")),
                null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("token_type").asText()).isEqualTo("bearer");
        assertThat(response.json().get("expires_in").asLong()).isEqualTo(900);
        assertThat(response.json().get("access_token").asText()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
    }

    @Test
    void a_wrong_password_and_an_unknown_email_get_the_same_401() {
        String email = api.register("securepass123");

        ApiClient.Response wrongPassword = api.send(api.request("/auth/login", null)
                .header("Content-Type", "application/json")
                .header("X-Request-Id", "same-id")
                .POST(HttpRequest.BodyPublishers.ofString(
                        ApiClient.json(Map.of("email", email, "password", "wrongpass123")))));
        ApiClient.Response unknownEmail = api.send(api.request("/auth/login", null)
                .header("Content-Type", "application/json")
                .header("X-Request-Id", "same-id")
                .POST(HttpRequest.BodyPublishers.ofString(
                        ApiClient.json(Map.of("email", uniqueEmail(), "password", "wrongpass123")))));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(unknownEmail.body());
        assertThat(wrongPassword.header("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(wrongPassword.raw().headers().map().keySet())
                .isEqualTo(unknownEmail.raw().headers().map().keySet());
    }

    @Test
    void login_with_a_malformed_body_answers_400() {
        assertThat(api.post("/auth/login", "{\"email\":\"x@example.com\"}", null)
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/auth/login", "{\"email\":", null).status()).isEqualTo(400);
    }
}
