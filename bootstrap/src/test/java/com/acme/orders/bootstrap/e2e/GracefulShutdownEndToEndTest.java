package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Stopping the service: readiness turns 503 at once while the server still answers, a request in flight completes,
 * and only then do the server, the scheduler and the pools close.
 */
class GracefulShutdownEndToEndTest {

    @Test
    void a_request_in_flight_completes_while_readiness_already_answers_503() throws Exception {
        RunningService service = RunningService.start(
                Map.of("BCRYPT_COST", "16", "SHUTDOWN_DRAIN_SECONDS", "1", "SHUTDOWN_TIMEOUT_SECONDS", "20"));
        ApiClient api = service.client();
        String email = api.register("securepass123");
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest slowLogin = HttpRequest.newBuilder(java.net.URI.create(api.base() + "/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        ApiClient.json(Map.of("email", email, "password", "securepass123"))))
                .build();

        CompletableFuture<HttpResponse<String>> inFlight =
                http.sendAsync(slowLogin, HttpResponse.BodyHandlers.ofString());
        Thread.sleep(200); // the login is now hashing at cost 16 (seconds), longer than the drain below
        Instant stopStarted = Instant.now();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(service::close);
        Thread.sleep(300);

        assertThat(api.get("/health/ready", null).status())
                .as("readiness while stopping")
                .isEqualTo(503);
        assertThat(api.get("/health/live", null).status()).isEqualTo(200);
        HttpResponse<String> login = inFlight.get();
        assertThat(login.statusCode()).as("the request in flight").isEqualTo(200);
        assertThat(login.body()).contains("access_token");
        assertThat(Duration.between(stopStarted, Instant.now()))
                .as("the login outlived the drain, so the server's graceful stop waited for it")
                .isGreaterThan(Duration.ofSeconds(1));
        stopping.get();
        assertThat(stopping).isDone();
    }
}
