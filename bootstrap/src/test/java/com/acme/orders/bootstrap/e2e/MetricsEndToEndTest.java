package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** GET /metrics on the management listener of a running service whose processing job runs every second. */
class MetricsEndToEndTest extends ServiceTest {

    @Override
    protected Map<String, String> environment() {
        return Map.of("ORDER_PROCESSING_INTERVAL_SECONDS", "1", "ORDER_PROCESSING_GRACE_SECONDS", "0");
    }

    @Test
    void metrics_answer_200_in_the_prometheus_text_format_without_a_token() {
        ApiClient.Response response = service.managementClient().get("/metrics", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(response.body()).contains("# TYPE ");
    }

    @Test
    void the_api_port_does_not_serve_the_metrics() {
        ApiClient.Response response = api.get("/metrics", null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(service.managementClient().get("/health/ready", null).status())
                .isEqualTo(200);
        assertThat(api.get("/health/ready", null).status()).isEqualTo(200);
    }

    @Test
    void a_head_request_is_measured_under_its_route_template_with_the_status_its_get_gives() {
        String token = api.newUserToken();
        long id = api.placeOrder(token, "Headed widget", "3.00");
        ApiClient.Response own = api.send(
                api.request("/orders/" + id, token).method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));
        ApiClient.Response anonymous = api.send(
                api.request("/orders", null).method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).isEmpty();
        assertThat(anonymous.status()).as("authenticated as GET is").isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).isPresent();

        String metrics = scrape();
        assertThat(series(
                        metrics,
                        "http_server_requests_seconds_count",
                        "route=\"/orders/{id}\"",
                        "method=\"HEAD\"",
                        "status=\"200\""))
                .isPresent();
        assertThat(series(
                        metrics,
                        "http_server_requests_seconds_count",
                        "route=\"/orders\"",
                        "method=\"HEAD\"",
                        "status=\"401\""))
                .isPresent();
        assertThat(series(metrics, "http_server_requests_seconds_count", "route=\"unmatched\"", "method=\"HEAD\""))
                .isEmpty();
    }

    @Test
    void requests_are_measured_by_route_template_never_by_raw_path_or_id() {
        String token = api.newUserToken();
        long id = api.placeOrder(token, "Metered widget", "12.50");
        assertThat(api.get("/orders/" + id, token).status()).isEqualTo(200);
        assertThat(api.get("/orders/123456789", token).status()).isEqualTo(404);
        assertThat(api.get("/no/such/path/987654", null).status()).isEqualTo(404);

        String metrics = scrape();

        assertThat(series(
                        metrics,
                        "http_server_requests_seconds_count",
                        "route=\"/orders/{id}\"",
                        "method=\"GET\"",
                        "status=\"200\""))
                .isPresent();
        assertThat(series(metrics, "http_server_requests_seconds_count", "route=\"/orders/{id}\"", "status=\"404\""))
                .isPresent();
        assertThat(series(
                        metrics,
                        "http_server_requests_seconds_count",
                        "route=\"/orders\"",
                        "method=\"POST\"",
                        "status=\"201\""))
                .isPresent();
        assertThat(series(metrics, "http_server_requests_seconds_count", "route=\"unmatched\"", "status=\"404\""))
                .isPresent();
        assertThat(series(metrics, "http_server_requests_seconds_bucket", "route=\"/orders/{id}\"", "le=\""))
                .as("a latency histogram")
                .isPresent();
        assertThat(metrics)
                .doesNotContain("/orders/" + id)
                .doesNotContain("123456789")
                .doesNotContain("/no/such/path")
                .doesNotContain("987654")
                .doesNotContain("user_id");
    }

    @Test
    void jvm_metrics_and_both_connection_pools_are_published() {
        String metrics = scrape();

        for (String name : List.of(
                "jvm_memory_used_bytes",
                "jvm_threads_live_threads",
                "jvm_classes_loaded_classes",
                "system_cpu_count",
                "process_uptime_seconds",
                "jvm_gc_")) {
            assertThat(metrics).as(name).contains(name);
        }
        assertThat(series(metrics, "hikaricp_connections", "pool=\"orders\"")).isPresent();
        assertThat(series(metrics, "hikaricp_connections", "pool=\"quartz\"")).isPresent();
    }

    @Test
    void a_job_run_is_counted_with_its_transitions_and_the_time_of_its_success() throws Exception {
        String token = api.newUserToken();
        api.placeOrder(token, "Processed widget", "3.00");
        long before = Instant.now().getEpochSecond();

        Instant deadline = Instant.now().plusSeconds(30);
        String metrics = scrape();
        while (value(metrics, "orders_transitions_total", "from=\"processing\"", "to=\"completed\"") < 1
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            metrics = scrape();
        }

        assertThat(value(metrics, "orders_transitions_total", "from=\"pending\"", "to=\"processing\""))
                .isPositive();
        assertThat(value(metrics, "orders_transitions_total", "from=\"processing\"", "to=\"completed\""))
                .isPositive();
        assertThat(value(metrics, "orders_processing_runs_total", "outcome=\"success\""))
                .isPositive();
        assertThat(value(metrics, "orders_processing_runs_total", "outcome=\"failure\""))
                .isZero();
        assertThat(value(metrics, "orders_processing_run_duration_seconds_count", "outcome=\"success\""))
                .isPositive();
        assertThat(value(metrics, "orders_processing_last_success_timestamp_seconds"))
                .isGreaterThanOrEqualTo((double) (before - 1));
    }

    private String scrape() {
        ApiClient.Response response = service.managementClient().get("/metrics", null);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    /** The first sample line of {@code name} whose labels contain every one of {@code labels}. */
    private static Optional<String> series(String metrics, String name, String... labels) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> List.of(labels).stream().allMatch(line::contains))
                .findFirst();
    }

    private static double value(String metrics, String name, String... labels) {
        return series(metrics, name, labels)
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .orElse(-1.0);
    }
}
