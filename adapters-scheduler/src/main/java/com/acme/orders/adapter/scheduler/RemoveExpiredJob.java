package com.acme.orders.adapter.scheduler;

import com.acme.orders.application.port.in.housekeeping.HousekeepingSummary;
import com.acme.orders.application.port.in.housekeeping.RemoveExpiredUseCase;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The housekeeping job: one call to the use case and one log line about it; runs never overlap in the cluster
 * ({@code DisallowConcurrentExecution} on the clustered job store).
 */
@DisallowConcurrentExecution
final class RemoveExpiredJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(RemoveExpiredJob.class);

    private final RemoveExpiredUseCase removeExpired;

    RemoveExpiredJob(RemoveExpiredUseCase removeExpired) {
        this.removeExpired = removeExpired;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        HousekeepingSummary summary;
        try {
            summary = removeExpired.removeExpired();
        } catch (RuntimeException failure) {
            log.warn("Housekeeping run failed; the next run removes what it left", failure);
            throw new JobExecutionException(failure, false);
        }
        log.info(
                "Housekeeping run: attempt_counts={} refresh_token_families={} took={}ms",
                summary.attemptCounts(),
                summary.refreshTokenFamilies(),
                summary.took().toMillis());
    }
}
