package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every client meets whatever it asks: health, problem details for every failure, request ids. */
class ProtocolEndToEndTest extends ServiceTest {

    private static void assertProblem(ApiClient.Response response, int status) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).isNotBlank();
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("instance").asText()).startsWith("/");
        assertThat(problem.get("request_id").asText())
                .isEqualTo(response.header("X-Request-Id").orElseThrow());
    }

    @Test
    void the_root_answers_like_the_prototype() {
        ApiClient.Response response = api.get("/", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("healthy");
        assertThat(response.json().get("message").asText()).isNotBlank();
        assertThat(response.json().get("version").asText()).isEqualTo("1.0.0");
    }

    @Test
    void liveness_and_readiness_answer_200_while_the_database_answers() {
        assertThat(api.get("/health/live", null).status()).isEqualTo(200);
        ApiClient.Response ready = api.get("/health/ready", null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asText()).isEqualTo("ready");
    }

    @Test
    void an_unknown_path_answers_404_problem() {
        assertProblem(api.get("/nothing-here", null), 404);
        assertProblem(api.get("/orders/1/unknown", api.newUserToken()), 404);
    }

    @Test
    void a_wrong_method_answers_405_with_allow() {
        ApiClient.Response response = api.send(api.request("/orders", null).DELETE());

        assertProblem(response, 405);
        assertThat(response.header("Allow"))
                .as("every GET route serves HEAD too")
                .hasValueSatisfying(
                        allow -> assertThat(allow.split(",\\s*")).containsExactlyInAnyOrder("GET", "HEAD", "POST"));
    }

    @Test
    void a_wrong_method_on_a_single_method_route_lists_that_method() {
        ApiClient.Response response = api.get("/auth/login", null);

        assertProblem(response, 405);
        assertThat(response.header("Allow")).contains("POST");
    }

    @Test
    void malformed_json_answers_400_problem() {
        assertProblem(api.post("/auth/register", "{\"name\": \"x\",", null), 400);
        assertProblem(api.post("/auth/register", "[1,2,3]", null), 400);
        assertProblem(api.post("/auth/register", "\"text\"", null), 400);
        assertProblem(api.post("/auth/register", "null", null), 400);
        assertProblem(api.post("/auth/register", "", null), 400);
        assertProblem(api.post("/auth/register", "{\"name\":\"a\"} trailing", null), 400);
        assertProblem(
                api.post(
                        "/auth/register",
                        "{\"name\":\"John\",\"name\":\"Jane\",\"email\":\"j@example.com\",\"password\":\"securepass123\"}",
                        null),
                400);
    }

    @Test
    void a_body_that_is_not_json_answers_415() {
        assertProblem(
                api.send(api.request("/auth/register", null)
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))),
                415);
        assertProblem(
                api.send(api.request("/auth/register", null).POST(HttpRequest.BodyPublishers.ofString("{}"))), 415);
    }

    @Test
    void a_body_over_64_kib_answers_413() {
        String big = "{\"name\":\"" + "x".repeat(70_000) + "\"}";

        assertProblem(api.post("/auth/register", big, null), 413);
    }

    @Test
    void a_chunked_body_over_64_kib_without_content_length_answers_413() {
        byte[] big = ("{\"name\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher unknownLength =
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big));

        ApiClient.Response response = api.send(api.request("/auth/register", null)
                .header("Content-Type", "application/json")
                .POST(unknownLength));

        assertProblem(response, 413);
    }

    @Test
    void a_chunked_body_sent_by_hand_over_a_socket_answers_413() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), service.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /auth/register HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(8192).getBytes(StandardCharsets.US_ASCII);
            try {
                for (int i = 0; i < 10; i++) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException serverClosedEarly) {
                // the server may answer and close before the whole body is sent
            }
            InputStream in = socket.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(head).isEqualTo("HTTP/1.1 413");
        }
    }

    @Test
    void a_sane_request_id_is_echoed_and_an_insane_one_replaced() {
        ApiClient.Response sane = api.send(
                api.request("/", null).header("X-Request-Id", "abc-123_x.y:z").GET());
        ApiClient.Response insane = api.send(api.request("/", null)
                .header("X-Request-Id", "bad id with spaces and a very long tail " + "x".repeat(200))
                .GET());
        ApiClient.Response none = api.get("/", null);

        assertThat(sane.header("X-Request-Id")).contains("abc-123_x.y:z");
        assertThat(insane.header("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
        assertThat(none.header("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Bearer", "Bearer not.a.jwt", "token-without-scheme"})
    void malformed_authorization_answers_401_with_a_bearer_challenge(String authorization) {
        ApiClient.Response response = api.send(api.request("/orders", null)
                .header("Authorization", authorization)
                .GET());

        assertProblem(response, 401);
        assertThat(response.header("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void no_response_reveals_the_server_software() {
        assertThat(api.get("/", null).header("Server")).isEmpty();
        assertThat(api.get("/nothing", null).header("Server")).isEmpty();
    }
}
