package com.acme.orders.application.service;

import com.acme.orders.application.port.in.webhook.DeliverDueEventsUseCase;
import com.acme.orders.application.port.out.DeliveryObserver;
import com.acme.orders.application.port.out.EventSender;
import com.acme.orders.application.port.out.EventSender.SendOutcome;
import com.acme.orders.application.port.out.OrderEventSignals;
import com.acme.orders.application.port.out.WebhookDeliveries;
import com.acme.orders.application.port.out.WebhookDeliveries.ClaimedDelivery;
import com.acme.orders.application.port.out.WebhookDeliveries.Recording;
import com.acme.orders.domain.webhook.DeliveryState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers webhooks: claims what is due (one short transaction), sends each claimed delivery on a thread of its own
 * with no transaction or connection held while the receiver answers, then records the attempt and what follows from
 * it (delivered; pending again after the retry delay; failed after the last attempt) in a second short transaction
 * that only a claim still holding the delivery can make, together with the other attempts that ended meanwhile.
 *
 * <p>At most {@link DeliverySettings#maxInFlight} attempts are in flight on this instance; the worker claims only as
 * many as it can start at once, so a slow receiver holds up one sender, never the others, and claims are not held
 * waiting for a sender.
 */
public final class WebhookDeliveryService implements DeliverDueEventsUseCase {

    /** The most attempts recorded in one statement. */
    static final int RECORD_BATCH = 200;

    private final WebhookDeliveries deliveries;
    private final EventSender sender;
    private final OrderEventSignals signals;
    private final DeliverySettings settings;
    private final DeliveryObserver observer;
    private final ThreadFactory senders;
    private final Clock clock;
    private final Semaphore free;
    private final Queue<Recording> finished = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    /**
     * A service that sends on the threads {@code senders} makes (virtual threads, that log what escapes an attempt).
     */
    public WebhookDeliveryService(
            WebhookDeliveries deliveries,
            EventSender sender,
            OrderEventSignals signals,
            DeliverySettings settings,
            ThreadFactory senders,
            Clock clock) {
        this(deliveries, sender, signals, settings, DeliveryObserver.NONE, senders, clock);
    }

    /** As above, telling {@code observer} of every batch of attempts written. */
    public WebhookDeliveryService(
            WebhookDeliveries deliveries,
            EventSender sender,
            OrderEventSignals signals,
            DeliverySettings settings,
            DeliveryObserver observer,
            ThreadFactory senders,
            Clock clock) {
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.signals = Objects.requireNonNull(signals, "signals");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.senders = Objects.requireNonNull(senders, "senders");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.free = new Semaphore(settings.maxInFlight());
    }

    @Override
    public int deliverDue() throws InterruptedException {
        free.acquire();
        int reserved = 1 + free.drainPermits();
        List<ClaimedDelivery> claimed;
        try {
            Instant now = Timestamps.now(clock);
            claimed = deliveries.claimDue(now, now.plus(settings.lease()), reserved);
        } catch (RuntimeException failure) {
            free.release(reserved);
            throw failure;
        }
        free.release(reserved - claimed.size());
        for (ClaimedDelivery delivery : claimed) {
            start(delivery);
        }
        if (claimed.isEmpty()) {
            signals.awaitAny(settings.pollInterval());
        }
        return claimed.size();
    }

    private void start(ClaimedDelivery delivery) {
        Thread thread = senders.newThread(() -> {
            Recording recording;
            try {
                recording = attempt(delivery);
            } catch (RuntimeException | Error failure) {
                free.release();
                throw failure;
            }
            record(recording);
        });
        if (thread == null) {
            free.release();
            throw new IllegalStateException("the sender threads are shut down");
        }
        thread.start();
    }

    /** One attempt, and what to record of it. */
    private Recording attempt(ClaimedDelivery delivery) {
        Instant at = Timestamps.now(clock);
        SendOutcome outcome = sender.send(
                new EventSender.Attempt(delivery.target().value(), delivery.secret(), delivery.event(), at));
        if (outcome.delivered()) {
            return new Recording(delivery, outcome, at, DeliveryState.DELIVERED, Optional.empty());
        }
        Optional<Duration> delay = settings.retries().delayAfter(delivery.attempt());
        if (delay.isPresent()) {
            Instant next = Timestamps.now(clock).plus(delay.get());
            return new Recording(delivery, outcome, at, DeliveryState.PENDING, Optional.of(next));
        }
        return new Recording(delivery, outcome, at, DeliveryState.FAILED, Optional.empty());
    }

    /**
     * Queues an attempt's record and, unless another sender is writing records already, writes what is queued, in
     * batches of up to {@link #RECORD_BATCH}, until the queue is empty: attempts that end while a batch is being
     * written go into the next one, so records take one transaction per batch however many attempts end at once.
     * Each attempt's permit is given back once its batch was written (and the observer told) or failed. A failed batch (the database
     * unreachable) records nothing: its claims run out and the deliveries are tried again; the failure is thrown to
     * the sender thread, after the queue was worked off, so that no record waits for a sender that may never come.
     * A claim that lost its delivery meanwhile records nothing; that is not a failure.
     */
    private void record(Recording recording) {
        finished.add(recording);
        RuntimeException failure = null;
        while (!finished.isEmpty() && writing.compareAndSet(false, true)) {
            List<Recording> batch = new ArrayList<>();
            List<Recording> written = List.of();
            try {
                for (Recording next; batch.size() < RECORD_BATCH && (next = finished.poll()) != null; ) {
                    batch.add(next);
                }
                if (!batch.isEmpty()) {
                    deliveries.recordAll(batch);
                    written = batch;
                }
            } catch (RuntimeException batchFailure) {
                if (failure == null) {
                    failure = batchFailure;
                }
            } finally {
                writing.set(false);
                if (!written.isEmpty()) {
                    try {
                        observer.recorded(written);
                    } catch (RuntimeException observerFailure) {
                        if (failure == null) {
                            failure = observerFailure;
                        }
                    }
                }
                free.release(batch.size());
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Waits up to {@code timeout} for the attempts in flight to end, for a stop; an attempt still running after it
     * keeps its claim until the lease ends, and another worker then tries it again.
     *
     * @return whether every attempt ended
     */
    public boolean awaitInFlight(Duration timeout) throws InterruptedException {
        if (free.tryAcquire(settings.maxInFlight(), timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            free.release(settings.maxInFlight());
            return true;
        }
        return false;
    }
}
