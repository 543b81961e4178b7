package com.acme.orders.bootstrap;

import com.acme.orders.application.port.out.DeliveryObserver;
import com.acme.orders.application.port.out.WebhookDeliveries;
import com.acme.orders.domain.webhook.DeliveryState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The webhook deliveries' metrics. This instance's attempts by outcome, counted as their batch is written: delivered
 * (a 2xx), retrying (another attempt is scheduled) and failed (the last attempt failed). And the cluster's backlog,
 * read from the database when scraped (at most once a second): how many deliveries are due and how long the oldest
 * of them has been waiting. A backlog that grows, or an oldest wait beyond a few seconds, means the workers no longer
 * keep up. Every series exists from start-up.
 */
final class WebhookMetrics implements DeliveryObserver {

    static final String ATTEMPTS = "orders.webhook.attempts";
    static final String DUE = "orders.webhook.deliveries.due";
    static final String OLDEST_DUE_AGE = "orders.webhook.oldest.due.age";

    private static final Duration BACKLOG_FRESH_FOR = Duration.ofSeconds(1);

    private final Map<DeliveryState, Counter> attempts;
    private final WebhookDeliveries deliveries;
    private final Clock clock;
    private Instant backlogReadAt = Instant.MIN;
    private double due = Double.NaN;
    private double oldestDueAgeSeconds = Double.NaN;

    WebhookMetrics(MeterRegistry registry, WebhookDeliveries deliveries, Clock clock) {
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.clock = Objects.requireNonNull(clock, "clock");
        attempts = Map.of(
                DeliveryState.DELIVERED, attempts(registry, "delivered"),
                DeliveryState.PENDING, attempts(registry, "retrying"),
                DeliveryState.FAILED, attempts(registry, "failed"));
        backlogGauge(registry, DUE, "Webhook deliveries pending and due, across the cluster", null, m -> m.due);
        backlogGauge(
                registry,
                OLDEST_DUE_AGE,
                "How long the oldest due webhook delivery has waited, across the cluster; 0: none is due",
                "seconds",
                m -> m.oldestDueAgeSeconds);
    }

    private static Counter attempts(MeterRegistry registry, String outcome) {
        return Counter.builder(ATTEMPTS)
                .description(
                        "Webhook delivery attempts of this instance, by what followed: delivered, retrying, failed")
                .tag("outcome", outcome)
                .register(registry);
    }

    private void backlogGauge(
            MeterRegistry registry,
            String name,
            String description,
            String unit,
            Function<WebhookMetrics, Double> value) {
        Gauge.builder(name, this, metrics -> {
                    metrics.readBacklogIfStale();
                    return value.apply(metrics);
                })
                .description(description)
                .baseUnit(unit)
                .register(registry);
    }

    @Override
    public void recorded(List<WebhookDeliveries.Recording> written) {
        for (WebhookDeliveries.Recording recording : written) {
            attempts.get(recording.state()).increment();
        }
    }

    /** One read for both gauges of a scrape; NaN while the database does not answer. */
    private synchronized void readBacklogIfStale() {
        Instant now = clock.instant();
        if (now.isBefore(backlogReadAt.plus(BACKLOG_FRESH_FOR))) {
            return;
        }
        backlogReadAt = now;
        try {
            WebhookDeliveries.Backlog backlog = deliveries.backlog(now);
            due = backlog.due();
            oldestDueAgeSeconds = backlog.oldestDue()
                    .map(oldest -> Math.max(0, Duration.between(oldest, now).toNanos() / 1e9))
                    .orElse(0.0);
        } catch (RuntimeException unavailable) {
            due = Double.NaN;
            oldestDueAgeSeconds = Double.NaN;
        }
    }
}
