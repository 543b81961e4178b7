package com.acme.orders.adapter.scheduler;

import com.acme.orders.application.port.in.processing.ProcessingSummary;
import java.time.Instant;
import java.util.Optional;

/** Told about every finished run of the processing job (metrics, tests). Must be quick and never throw. */
@FunctionalInterface
public interface ProcessingRunListener {

    ProcessingRunListener NONE = (started, finished, summary) -> {};

    /**
     * A run has finished.
     *
     * @param summary empty when the run failed
     */
    void runFinished(Instant started, Instant finished, Optional<ProcessingSummary> summary);
}
