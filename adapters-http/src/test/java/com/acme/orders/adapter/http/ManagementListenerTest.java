package com.acme.orders.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The metrics are served on the management listener only; the health endpoints on both listeners. With the
 * management port the API's, one listener serves everything.
 */
class ManagementListenerTest {

    private static final RunningApi api = RunningApi.start(setup -> setup.management = true);

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void metrics_answer_404_problem_on_the_api_port() {
        api.get("/metrics").assertProblem(404);
        assertThat(api.send(api.request("/metrics").method("HEAD", HttpRequest.BodyPublishers.noBody()))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void metrics_answer_200_in_the_prometheus_text_format_on_the_management_port() {
        RunningApi.Answer metrics = api.send(api.managementRequest("/metrics").GET());

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(metrics.body()).isEqualTo(RunningApi.METRICS);
        assertThat(metrics.header("X-Request-Id")).isPresent();
        assertThat(metrics.header("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void health_answers_on_both_listeners() {
        for (String path : new String[] {"/health/live", "/health/ready"}) {
            assertThat(api.get(path).status()).as("API " + path).isEqualTo(200);
            assertThat(api.send(api.managementRequest(path).GET()).status())
                    .as("management " + path)
                    .isEqualTo(200);
        }
    }

    @Test
    void the_management_listener_serves_nothing_else_and_refuses_as_the_api_does() {
        for (String path : new String[] {"/", "/orders", "/openapi.json", "/auth/login"}) {
            api.send(api.managementRequest(path).GET()).assertProblem(404);
        }
        RunningApi.Answer wrongMethod =
                api.send(api.managementRequest("/metrics").POST(HttpRequest.BodyPublishers.ofString("{}")));
        wrongMethod.assertProblem(405);
        assertThat(wrongMethod.header("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
    }

    @Test
    void with_the_management_port_the_apis_one_listener_serves_the_metrics_too() {
        try (RunningApi shared = RunningApi.start(setup -> setup.servesMetrics = true)) {
            RunningApi.Answer metrics = shared.get("/metrics");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.body()).isEqualTo(RunningApi.METRICS);
            assertThat(shared.get("/health/ready").status()).isEqualTo(200);
        }
    }
}
