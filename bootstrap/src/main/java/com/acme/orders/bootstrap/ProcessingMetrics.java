package com.acme.orders.bootstrap;

import com.acme.orders.adapter.scheduler.ProcessingRunListener;
import com.acme.orders.application.port.in.processing.ProcessingSummary;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The processing job's metrics, fed by every run the scheduler finishes on this instance: runs and their duration by
 * outcome, orders moved by the job by from/to status, and when the last successful run finished. Every series exists
 * (at zero) from start-up, so that rates and alerts work before the first run.
 */
final class ProcessingMetrics implements ProcessingRunListener {

    static final String RUNS = "orders.processing.runs";
    static final String RUN_DURATION = "orders.processing.run.duration";
    static final String TRANSITIONS = "orders.transitions";
    static final String LAST_SUCCESS = "orders.processing.last.success.timestamp";

    private final Counter succeeded;
    private final Counter failed;
    private final Timer succeededTime;
    private final Timer failedTime;
    private final Counter pendingToProcessing;
    private final Counter processingToCompleted;
    private final AtomicLong lastSuccessEpochSeconds = new AtomicLong();

    ProcessingMetrics(MeterRegistry registry) {
        succeeded = runs(registry, "success");
        failed = runs(registry, "failure");
        succeededTime = runDuration(registry, "success");
        failedTime = runDuration(registry, "failure");
        pendingToProcessing = transitions(registry, "pending", "processing");
        processingToCompleted = transitions(registry, "processing", "completed");
        Gauge.builder(LAST_SUCCESS, lastSuccessEpochSeconds, AtomicLong::doubleValue)
                .description("When the last successful processing run on this instance finished; 0: none yet")
                .baseUnit("seconds")
                .register(registry);
    }

    private static Counter runs(MeterRegistry registry, String outcome) {
        return Counter.builder(RUNS)
                .description("Processing job runs by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    private static Timer runDuration(MeterRegistry registry, String outcome) {
        return Timer.builder(RUN_DURATION)
                .description("How long processing job runs took, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    private static Counter transitions(MeterRegistry registry, String from, String to) {
        return Counter.builder(TRANSITIONS)
                .description("Orders moved from one status to another by the job")
                .tag("from", from)
                .tag("to", to)
                .register(registry);
    }

    @Override
    public void runFinished(Instant started, Instant finished, Optional<ProcessingSummary> summary) {
        Duration took = Duration.between(started, finished);
        if (summary.isEmpty()) {
            failed.increment();
            failedTime.record(took);
            return;
        }
        ProcessingSummary run = summary.get();
        succeeded.increment();
        succeededTime.record(took);
        pendingToProcessing.increment(run.found());
        processingToCompleted.increment(run.completed() + run.resumed());
        lastSuccessEpochSeconds.set(finished.getEpochSecond());
    }
}
