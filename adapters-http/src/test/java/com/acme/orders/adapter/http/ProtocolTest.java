package com.acme.orders.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every client meets whatever it asks: a problem detail for every refusal of the protocol, no server banner. */
class ProtocolTest {

    private static final RunningApi api = RunningApi.start();

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void an_unknown_path_answers_404_problem() {
        api.get("/nothing-here").assertProblem(404);
        api.get("/orders/1/unknown", RunningApi.bearer(api.newUserToken())).assertProblem(404);
    }

    @Test
    void a_wrong_method_answers_405_with_allow() {
        RunningApi.Answer response = api.send(api.request("/orders").DELETE());

        response.assertProblem(405);
        assertThat(response.header("Allow"))
                .as("every GET route serves HEAD too")
                .hasValueSatisfying(
                        allow -> assertThat(allow.split(",\\s*")).containsExactlyInAnyOrder("GET", "HEAD", "POST"));
    }

    @Test
    void a_wrong_method_on_a_single_method_route_lists_that_method() {
        RunningApi.Answer response = api.get("/auth/login");

        response.assertProblem(405);
        assertThat(response.header("Allow")).contains("POST");
    }

    @Test
    void malformed_json_answers_400_problem() {
        api.post("/auth/register", "{\"name\": \"x\",").assertProblem(400);
        api.post("/auth/register", "[1,2,3]").assertProblem(400);
        api.post("/auth/register", "\"text\"").assertProblem(400);
        api.post("/auth/register", "null").assertProblem(400);
        api.post("/auth/register", "").assertProblem(400);
        api.post("/auth/register", "{\"name\":\"a\"} trailing").assertProblem(400);
        api.post(
                        "/auth/register",
                        "{\"name\":\"John\",\"name\":\"Jane\",\"email\":\"j@example.com\",\"password\":\"securepass123\"}")
                .assertProblem(400);
    }

    @Test
    void a_body_that_is_not_json_answers_415() {
        api.send(api.request("/auth/register")
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")))
                .assertProblem(415);
        api.send(api.request("/auth/register").POST(HttpRequest.BodyPublishers.ofString("{}")))
                .assertProblem(415);
    }

    @Test
    void a_body_over_64_kib_answers_413() {
        String big = "{\"name\":\"" + "x".repeat(70_000) + "\"}";

        api.post("/auth/register", big).assertProblem(413);
    }

    @Test
    void a_chunked_body_over_64_kib_without_content_length_answers_413() {
        byte[] big = ("{\"name\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher unknownLength =
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big));

        RunningApi.Answer response = api.send(api.request("/auth/register")
                .header("Content-Type", "application/json")
                .POST(unknownLength));

        response.assertProblem(413);
    }

    @Test
    void a_chunked_body_sent_by_hand_over_a_socket_answers_413() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.port())) {
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

    @ParameterizedTest
    @ValueSource(
            strings = {
                "GET /%zz HTTP/1.1|Host: x",
                "GET /orders/%u0031 HTTP/1.1|Host: x",
                "GET /orders/%2e%2e/x HTTP/1.1|Host: x",
                "GET /orders?limit=%zz HTTP/1.1|Host: x",
                "GET / HTTP/1.1|Host: x|Bad Header",
                "GET / HTTP/1.1",
                "GET / HTTP/1.1|Host: x|Host: y",
                "GET / HTTP/1.7|Host: x",
                "GET / HTTP/1.1|Host: x|X-Pad: PAD",
                "GET /?pad=PAD HTTP/1.1|Host: x",
                "POST /auth/login HTTP/1.1|Host: x|Expect: nonsense|Content-Length: 2"
            })
    void the_http_servers_own_refusals_are_4xx_problems_with_the_request_id_and_the_hygiene_headers(String lines)
            throws IOException {
        String request =
                lines.replace("PAD", "p".repeat(9_000)).replace("|", "\r\n") + "\r\nX-Request-Id: raw-1\r\n\r\n";
        String answer;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.port())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        String head = answer.split("\r\n\r\n", 2)[0].toLowerCase(Locale.ROOT);
        String body = answer.split("\r\n\r\n", 2)[1];

        assertThat(head).as(answer).startsWith("http/1.1 4");
        assertThat(head).contains("content-type: application/problem+json");
        assertThat(head)
                .contains("x-content-type-options: nosniff", "x-frame-options: deny", "cache-control: no-store");
        assertThat(head).containsPattern("x-request-id: (raw-1|[0-9a-f-]{36})");
        assertThat(body).contains("\"status\":4").contains("\"request_id\":").doesNotContain("<html");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "GET /?pad=PAD HTTP/1.1|Host: x",
                "POST /auth/login?pad=PAD HTTP/1.1|Host: x|Content-Type: application/json|Content-Length: 2",
                "GET / HTTP/1.1|Host: x|X-Pad: PAD",
                "GET / HTTP/1.1|Host: x|Bad Header",
                "GET /%zz HTTP/1.1|Host: x"
            })
    void a_refusal_of_the_http_server_says_connection_close_and_the_connection_ends(String lines) throws IOException {
        // kept alive by the client: the answer must say whether the connection goes on
        String request = lines.replace("PAD", "p".repeat(20_000)).replace("|", "\r\n") + "\r\n\r\n"
                + (lines.contains("Content-Length: 2") ? "{}" : "");
        String answer;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        String head = answer.split("\r\n\r\n", 2)[0].toLowerCase(Locale.ROOT);

        assertThat(head).as(answer).startsWith("http/1.1 4").contains("connection: close");
    }

    @Test
    void no_response_reveals_the_server_software() {
        assertThat(api.get("/").header("Server")).isEmpty();
        assertThat(api.get("/nothing").header("Server")).isEmpty();
    }
}
