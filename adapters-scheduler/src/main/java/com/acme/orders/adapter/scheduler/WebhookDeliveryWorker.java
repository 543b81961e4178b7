package com.acme.orders.adapter.scheduler;

import com.acme.orders.application.port.in.webhook.DeliverDueEventsUseCase;
import com.acme.orders.application.port.out.StorageUnavailableException;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook delivery worker: one thread per instance that calls {@link DeliverDueEventsUseCase#deliverDue} in a
 * loop. The use case decides everything (what is due, who takes it, when to retry) and paces the loop itself: with
 * nothing due it waits for a commit's signal or its poll interval. Not Quartz: a delivery must start within about a
 * second of its event's commit, and every instance works at once, each on the deliveries it claimed. A failure of a
 * round (the database unreachable) is logged and the next round starts after {@link #PAUSE_AFTER_FAILURE}.
 */
public final class WebhookDeliveryWorker implements AutoCloseable {

    static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveryWorker.class);

    private final DeliverDueEventsUseCase deliver;
    private final Thread thread;
    private volatile boolean stopped;

    public WebhookDeliveryWorker(DeliverDueEventsUseCase deliver) {
        this.deliver = Objects.requireNonNull(deliver, "deliver");
        this.thread =
                Thread.ofPlatform().name("webhook-delivery-worker").daemon().unstarted(this::run);
    }

    public WebhookDeliveryWorker start() {
        thread.start();
        return this;
    }

    private void run() {
        while (!stopped) {
            try {
                deliver.deliverDue();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException failure) {
                if (stopped) {
                    return;
                }
                if (failure instanceof StorageUnavailableException) {
                    // an outage: once a round, without a stack trace
                    LOG.warn("Webhook deliveries wait for the database: {}", failure.getMessage());
                } else {
                    LOG.error(
                            "A webhook delivery round failed; trying again in {} s",
                            PAUSE_AFTER_FAILURE.toSeconds(),
                            failure);
                }
                try {
                    Thread.sleep(PAUSE_AFTER_FAILURE);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * Stops claiming: the loop ends within a round. Attempts already started run on; the use case's owner waits for
     * them.
     */
    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
