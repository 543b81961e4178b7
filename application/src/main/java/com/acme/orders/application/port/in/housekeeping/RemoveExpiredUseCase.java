package com.acme.orders.application.port.in.housekeeping;

/**
 * The housekeeping job's one action: deletes the log-in limits' counts that have refilled completely and the refresh
 * token families that have expired, in bounded batches, until none is left. Safe to run on several instances at once
 * (their batches skip each other's rows); what a run leaves, the next one removes.
 */
public interface RemoveExpiredUseCase {

    HousekeepingSummary removeExpired();
}
