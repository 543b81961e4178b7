package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The cURL examples of the prototype's README (../shared/spec/original-README.md), run verbatim with curl: only the
 * port (8000) and the YOUR_TOKEN_HERE placeholder are replaced, exactly as a user would.
 */
class PrototypeReadmeExamplesTest extends ServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String REGISTER = """
            curl -X POST http://localhost:8000/auth/register \\
              -H "Content-Type: application/json" \\
              -d '{"name":"John Doe","email":"john@example.com","password":"securepass123"}'
            """;
    private static final String LOGIN = """
            curl -X POST http://localhost:8000/auth/login \\
              -H "Content-Type: application/json" \\
              -d '{"email":"john@example.com","password":"securepass123"}'
            """;
    private static final String CREATE_ORDER = """
            curl -X POST http://localhost:8000/orders \\
              -H "Authorization: Bearer YOUR_TOKEN_HERE" \\
              -H "Content-Type: application/json" \\
              -d '{"product_name":"Laptop","amount":999.99}'
            """;
    private static final String GET_ORDERS = """
            curl -X GET http://localhost:8000/orders \\
              -H "Authorization: Bearer YOUR_TOKEN_HERE"
            """;
    private static final String CANCEL_ORDER = """
            curl -X PATCH http://localhost:8000/orders/1/cancel \\
              -H "Authorization: Bearer YOUR_TOKEN_HERE"
            """;

    private record Result(int status, JsonNode body) {}

    private Result curl(String example, String token) throws IOException, InterruptedException {
        String command = example.replace("localhost:8000", "localhost:" + service.port())
                .replace("YOUR_TOKEN_HERE", token == null ? "" : token)
                .replace("curl ", "curl -s -w '\\n%{http_code}' ");
        Process process = new ProcessBuilder(List.of("bash", "-c", command))
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int split = output.lastIndexOf('\n');
        return new Result(
                Integer.parseInt(output.substring(split + 1).strip()), JSON.readTree(output.substring(0, split)));
    }

    @Test
    void the_prototype_readme_walkthrough_works_unchanged() throws Exception {
        Result registered = curl(REGISTER, null);
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.body().get("email").asText()).isEqualTo("john@example.com");

        Result login = curl(LOGIN, null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body().get("token_type").asText()).isEqualTo("bearer");
        String token = login.body().get("access_token").asText();

        Result created = curl(CREATE_ORDER, token);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("product_name").asText()).isEqualTo("Laptop");
        assertThat(created.body().get("amount").decimalValue()).isEqualByComparingTo("999.99");
        assertThat(created.body().get("status").asText()).isEqualTo("pending");
        // A fresh database: John's first order has id 1, as the README's cancel example assumes.
        assertThat(created.body().get("id").asLong()).isEqualTo(1);

        Result orders = curl(GET_ORDERS, token);
        assertThat(orders.status()).isEqualTo(200);
        assertThat(orders.body().get("orders")).hasSize(1);
        assertThat(orders.body().get("total").asLong()).isEqualTo(1);

        Result cancelled = curl(CANCEL_ORDER, token);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().get("status").asText()).isEqualTo("cancelled");

        Result registeredAgain = curl(REGISTER, null);
        assertThat(registeredAgain.status()).isEqualTo(409);
    }
}
