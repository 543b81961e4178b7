package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.port.in.processing.ProcessingSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcessingMetricsTest {

    private static final Instant START = Instant.parse("2026-11-24T18:19:02Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ProcessingMetrics metrics = new ProcessingMetrics(registry);

    @Test
    void every_series_exists_at_zero_before_the_first_run() {
        assertThat(counter("outcome", "success")).isZero();
        assertThat(counter("outcome", "failure")).isZero();
        assertThat(transitions("pending", "processing")).isZero();
        assertThat(transitions("processing", "completed")).isZero();
        assertThat(lastSuccess()).isZero();
    }

    @Test
    void a_successful_run_counts_found_orders_into_processing_and_completed_plus_resumed_into_completed() {
        metrics.runFinished(
                START, START.plusMillis(250), Optional.of(new ProcessingSummary(5, 4, 2, Duration.ofMillis(250))));

        assertThat(counter("outcome", "success")).isEqualTo(1);
        assertThat(transitions("pending", "processing")).isEqualTo(5);
        assertThat(transitions("processing", "completed")).isEqualTo(6);
        assertThat(registry.get(ProcessingMetrics.RUN_DURATION)
                        .tag("outcome", "success")
                        .timer()
                        .totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
                .isEqualTo(250.0);
        assertThat(lastSuccess()).isEqualTo((double) START.getEpochSecond());
    }

    @Test
    void a_failed_run_counts_a_failure_and_keeps_the_time_of_the_last_success() {
        metrics.runFinished(START, START.plusSeconds(1), Optional.of(new ProcessingSummary(0, 0, 0, Duration.ZERO)));
        metrics.runFinished(START.plusSeconds(60), START.plusSeconds(61), Optional.empty());

        assertThat(counter("outcome", "failure")).isEqualTo(1);
        assertThat(counter("outcome", "success")).isEqualTo(1);
        assertThat(lastSuccess()).isEqualTo((double) START.plusSeconds(1).getEpochSecond());
    }

    private double counter(String tag, String value) {
        return registry.get(ProcessingMetrics.RUNS).tag(tag, value).counter().count();
    }

    private double transitions(String from, String to) {
        return registry.get(ProcessingMetrics.TRANSITIONS)
                .tag("from", from)
                .tag("to", to)
                .counter()
                .count();
    }

    private double lastSuccess() {
        return registry.get(ProcessingMetrics.LAST_SUCCESS).gauge().value();
    }
}
