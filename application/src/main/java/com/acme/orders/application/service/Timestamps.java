package com.acme.orders.application.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The time the services stamp on what they change, at microsecond precision: the finest that PostgreSQL's
 * {@code timestamptz} keeps, so that what a use case returns equals what a later read finds.
 */
final class Timestamps {

    private Timestamps() {}

    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
