package com.acme.orders.adapter.scheduler;

import com.acme.orders.application.port.in.processing.ProcessPendingOrdersUseCase;
import com.acme.orders.application.port.in.processing.ProcessingSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order-processing job: one call to the use case and one log line about it. {@code DisallowConcurrentExecution}
 * makes the clustered job store block the trigger while a run is in progress anywhere in the cluster.
 */
@DisallowConcurrentExecution
final class ProcessPendingOrdersJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(ProcessPendingOrdersJob.class);

    private final ProcessPendingOrdersUseCase processPendingOrders;
    private final ProcessingRunListener listener;
    private final Clock clock;

    ProcessPendingOrdersJob(
            ProcessPendingOrdersUseCase processPendingOrders, ProcessingRunListener listener, Clock clock) {
        this.processPendingOrders = processPendingOrders;
        this.listener = listener;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        Instant started = clock.instant();
        ProcessingSummary summary;
        try {
            summary = processPendingOrders.processPendingOrders();
        } catch (RuntimeException failure) {
            listener.runFinished(started, clock.instant(), Optional.empty());
            log.error("Order processing run failed; a later run takes over what it left", failure);
            throw new JobExecutionException(failure, false);
        }
        listener.runFinished(started, clock.instant(), Optional.of(summary));
        if (summary.didNothing()) {
            log.debug(
                    "Order processing run: nothing to do ({} ms)",
                    summary.took().toMillis());
        } else {
            log.info(
                    "Order processing run: found={} completed={} resumed={} took={}ms",
                    summary.found(),
                    summary.completed(),
                    summary.resumed(),
                    summary.took().toMillis());
        }
    }
}
