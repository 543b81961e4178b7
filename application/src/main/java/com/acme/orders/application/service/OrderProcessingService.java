package com.acme.orders.application.service;

import com.acme.orders.application.port.in.processing.ProcessPendingOrdersUseCase;
import com.acme.orders.application.port.in.processing.ProcessingSummary;
import com.acme.orders.application.port.out.OrderRepository;
import com.acme.orders.domain.order.OrderId;
import com.acme.orders.domain.order.StatusChange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Moves pending orders through processing to completed, a batch at a time: each batch is committed as processing
 * (one statement), then as completed (another). Memory holds one batch of ids, however many orders wait.
 *
 * <p>A run takes only orders placed before it started (less the grace period), so it ends even while new orders
 * keep arriving. An order left in processing past the lease (its run died between the two commits) is completed by
 * the next run, on whichever instance. An order that a concurrent cancel holds locked is skipped (and a short
 * batch ends the run), so the job never waits for a user; the next run takes whatever is still pending.
 */
public final class OrderProcessingService implements ProcessPendingOrdersUseCase {

    private final OrderRepository orders;
    private final ProcessingSettings settings;
    private final Clock clock;

    public OrderProcessingService(OrderRepository orders, ProcessingSettings settings, Clock clock) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ProcessingSummary processPendingOrders() {
        long started = System.nanoTime();
        Instant runStart = Timestamps.now(clock);

        int resumed = 0;
        List<OrderId> stuck;
        do {
            stuck = orders.applyToOldest(
                    StatusChange.completion(Timestamps.now(clock)),
                    runStart.minus(settings.lease()),
                    settings.batchSize());
            resumed += stuck.size();
        } while (stuck.size() == settings.batchSize());

        int found = 0;
        int completed = 0;
        List<OrderId> batch;
        do {
            batch = orders.applyToOldest(
                    StatusChange.processingStart(Timestamps.now(clock)),
                    runStart.minus(settings.grace()),
                    settings.batchSize());
            found += batch.size();
            if (!batch.isEmpty()) {
                completed += orders.applyToEach(batch, StatusChange.completion(Timestamps.now(clock)));
            }
        } while (batch.size() == settings.batchSize());

        return new ProcessingSummary(found, completed, resumed, Duration.ofNanos(System.nanoTime() - started));
    }
}
