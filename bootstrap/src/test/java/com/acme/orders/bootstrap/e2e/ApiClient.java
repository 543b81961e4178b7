package com.acme.orders.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A plain HTTP client for the running service: real requests over a real socket. */
final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    String base() {
        return base;
    }

    Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    Response post(String path, String json, String token) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response patch(String path, String token) {
        return send(request(path, token).method("PATCH", HttpRequest.BodyPublishers.noBody()));
    }

    Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response =
                    http.send(builder.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends raw bytes on a new connection, for what no HTTP client sends, and returns the answer's bytes as ISO-8859-1
     * text ("" when the connection failed). The output side is closed after sending, as a client that is done.
     */
    String sendRaw(byte[] request) {
        URI target = URI.create(base);
        try (java.net.Socket socket = new java.net.Socket(target.getHost(), target.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request);
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    /** Sends {@code request} and, without ending it, reads until the server closes the connection. */
    String sendUnfinished(byte[] request) {
        URI target = URI.create(base);
        try (java.net.Socket socket = new java.net.Socket(target.getHost(), target.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request);
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    /** Registers a fresh user and returns its email. */
    String register(String password) {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        Response response =
                post("/auth/register", json(Map.of("name", "Test User", "email", email, "password", password)), null);
        if (response.status() != 201) {
            throw new IllegalStateException("registration failed: " + response);
        }
        return email;
    }

    String login(String email, String password) {
        Response response = post("/auth/login", json(Map.of("email", email, "password", password)), null);
        if (response.status() != 200) {
            throw new IllegalStateException("login failed: " + response);
        }
        return response.json().get("access_token").asText();
    }

    /** A fresh user's token. */
    String newUserToken() {
        return login(register("securepass123"), "securepass123");
    }

    long placeOrder(String token, String product, String amount) {
        Response response = post("/orders", "{\"product_name\":\"" + product + "\",\"amount\":" + amount + "}", token);
        if (response.status() != 201) {
            throw new IllegalStateException("order failed: " + response);
        }
        return response.json().get("id").asLong();
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Response(HttpResponse<String> raw) {

        int status() {
            return raw.statusCode();
        }

        String body() {
            return raw.body();
        }

        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + raw.body(), e);
            }
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.headers().map() + " " + raw.body();
        }
    }
}
