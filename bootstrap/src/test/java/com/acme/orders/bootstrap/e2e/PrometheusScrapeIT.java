package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus scrapes a live instance with the alert rules of deploy/prometheus loaded: the rules load and
 * evaluate without error, and every metric a rule reads exists in what the service exposes, so no alert is silently
 * blind because a name changed.
 */
class PrometheusScrapeIT {

    /** A metric name in a rule's expression: an identifier directly followed by its label matcher. */
    private static final Pattern METRIC = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\{");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path work;

    @Test
    void every_metric_the_alert_rules_read_is_exposed_by_a_live_instance() throws Exception {
        Path prometheus = ExternalCommand.systemTool("prometheus", "prometheus");
        String rules = Files.readString(AlertRulesIT.RULES.resolve("order-service.rules.yml"));
        Set<String> metrics = metricsIn(rules);
        assertThat(metrics).contains("up", "http_server_requests_seconds_count", "orders_processing_runs_total");

        try (RunningService service = RunningService.start()) {
            ApiClient api = service.client();
            api.get("/orders", null); // a 401 and a 404, so that request series exist
            api.get("/no-such-path", null);
            int port = freePort();
            Files.writeString(work.resolve("order-service.rules.yml"), rules);
            Files.writeString(work.resolve("prometheus.yml"), """
                    global:
                      scrape_interval: 1s
                      evaluation_interval: 1s
                    rule_files:
                      - order-service.rules.yml
                    scrape_configs:
                      - job_name: order-service
                        metrics_path: /metrics
                        static_configs:
                          - targets: ["127.0.0.1:%d"]
                    """.formatted(service.managementPort()));
            Process server = new ProcessBuilder(
                            prometheus.toString(),
                            "--config.file=" + work.resolve("prometheus.yml"),
                            "--storage.tsdb.path=" + work.resolve("data"),
                            "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("prometheus.log").toFile())
                    .start();
            try {
                URI base = URI.create("http://127.0.0.1:" + port);
                awaitSeries(base, "up{job=\"order-service\"} == 1");
                for (String metric : metrics) {
                    assertThat(awaitSeries(base, metric + "{job=\"order-service\"}"))
                            .as("series of %s scraped from the service", metric)
                            .isPositive();
                }
                JsonNode groups = get(base, "/api/v1/rules").path("data").path("groups");
                assertThat(groups).hasSize(1);
                assertThat(groups.get(0).path("rules"))
                        .isNotEmpty()
                        .allSatisfy(rule -> assertThat(rule.path("health").asText())
                                .as("health of %s", rule.path("name").asText())
                                .isEqualTo("ok"));
            } finally {
                server.destroy();
                server.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Set<String> metricsIn(String rules) {
        Set<String> names = new TreeSet<>();
        for (String line : rules.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("description:") || trimmed.startsWith("summary:") || trimmed.startsWith("#")) {
                continue;
            }
            Matcher matcher = METRIC.matcher(trimmed);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** Waits until the query returns series; returns how many. */
    private int awaitSeries(URI base, String query) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonNode result = get(base, "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                    .path("data")
                    .path("result");
            if (result.size() > 0 || Instant.now().isAfter(deadline)) {
                return result.size();
            }
            Thread.sleep(500);
        }
    }

    private JsonNode get(URI base, String pathAndQuery) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(base.resolve(pathAndQuery)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return json.readTree(response.body());
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException notListeningYet) {
                last = notListeningYet.toString();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Prometheus did not answer " + pathAndQuery + ": " + last);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
