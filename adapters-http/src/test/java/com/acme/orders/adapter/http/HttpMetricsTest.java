package com.acme.orders.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final HttpMetrics metrics = new HttpMetrics(registry, () -> "scraped");

    @Test
    void requests_are_timed_per_method_route_template_and_status() {
        metrics.recordRequest("GET", "/orders/{id}", 200, Duration.ofMillis(12));
        metrics.recordRequest("GET", "/orders/{id}", 200, Duration.ofMillis(30));
        metrics.recordRequest("GET", "/orders/{id}", 404, Duration.ofMillis(3));

        Timer ok = registry.get(HttpMetrics.REQUESTS)
                .tags("method", "GET", "route", "/orders/{id}", "status", "200")
                .timer();
        assertThat(ok.count()).isEqualTo(2);
        assertThat(ok.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(42.0);
        assertThat(registry.get(HttpMetrics.REQUESTS)
                        .tags("status", "404")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void the_scrape_is_the_one_bootstrap_hands_over() {
        assertThat(metrics.scrape()).isEqualTo("scraped");
    }
}
