package com.acme.orders.bootstrap.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL while orders arrive at full speed: after a restart, every order that was answered 201 is there, with its
 * history. An answered 2xx is committed.
 */
class CrashDurabilityIT {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    @TempDir
    Path workDir;

    @Test
    void every_order_answered_201_before_a_sigkill_is_there_after_a_restart() throws Exception {
        try (ProcessingDatabase database = new ProcessingDatabase()) {
            Map<String, String> env = database.environment(Map.of("ORDER_PROCESSING_INTERVAL_SECONDS", "3600"));
            ServiceProcess victim = ServiceProcess.start("victim", workDir, env);
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            String base = "http://127.0.0.1:" + victim.port();
            post(
                    http,
                    base + "/auth/register",
                    "{\"name\":\"Crash Test\",\"email\":\"crash@example.com\",\"password\":\"securepass123\"}",
                    null);
            Matcher token = TOKEN.matcher(post(
                            http,
                            base + "/auth/login",
                            "{\"email\":\"crash@example.com\",\"password\":\"securepass123\"}",
                            null)
                    .body());
            assertThat(token.find()).isTrue();

            Set<Long> confirmed = ConcurrentHashMap.newKeySet();
            try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
                List<Future<?>> load = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    load.add(clients.submit(() -> {
                        while (true) {
                            HttpResponse<String> response;
                            try {
                                response = post(
                                        http,
                                        base + "/orders",
                                        "{\"product_name\":\"Laptop\",\"amount\":10.50}",
                                        token.group(1));
                            } catch (IOException connectionGone) {
                                return null;
                            }
                            if (response.statusCode() == 201) {
                                Matcher id = ID.matcher(response.body());
                                assertThat(id.find()).isTrue();
                                confirmed.add(Long.parseLong(id.group(1)));
                            }
                        }
                    }));
                }
                Thread.sleep(3_000);
                victim.kill();
                for (Future<?> client : load) {
                    client.get();
                }
            }
            System.out.println("orders answered 201 before the SIGKILL: " + confirmed.size());
            assertThat(confirmed).as("orders confirmed before the kill").hasSizeGreaterThan(50);

            try (ServiceProcess restarted = ServiceProcess.start("restarted", workDir, env)) {
                String ids = confirmed.stream()
                        .map(String::valueOf)
                        .reduce((a, b) -> a + "," + b)
                        .orElseThrow();
                assertThat(database.count("SELECT count(*) FROM orders WHERE id IN (" + ids + ")"))
                        .as("confirmed orders present after the restart")
                        .isEqualTo(confirmed.size());
                assertThat(database.count("SELECT count(*) FROM orders o WHERE NOT EXISTS "
                                + "(SELECT 1 FROM order_status_history h WHERE h.order_id = o.id)"))
                        .isZero();
                assertThat(http.send(
                                        HttpRequest.newBuilder(URI.create(
                                                        "http://127.0.0.1:" + restarted.port() + "/health/ready"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode())
                        .isEqualTo(200);
            }
        }
    }

    private static HttpResponse<String> post(HttpClient http, String url, String json, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
