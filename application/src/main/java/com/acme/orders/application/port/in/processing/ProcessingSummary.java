package com.acme.orders.application.port.in.processing;

import java.time.Duration;
import java.util.Objects;

/**
 * What one processing run did.
 *
 * @param found pending orders this run took into processing
 * @param completed of those, how many it completed
 * @param resumed orders a crashed run had left in processing past the lease, completed by this run
 * @param took how long the run took
 */
public record ProcessingSummary(int found, int completed, int resumed, Duration took) {

    public ProcessingSummary {
        Objects.requireNonNull(took, "took");
    }

    public boolean didNothing() {
        return found == 0 && resumed == 0;
    }
}
