package com.acme.orders.adapter.scheduler;

/** The scheduler could not be created or started; the service then reports not ready. */
public final class SchedulerStartupException extends RuntimeException {

    SchedulerStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
