package com.acme.orders.archfixture.bad.domain.order;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Breaks "domain depends only on the JDK": a domain class that logs through SLF4J. */
public final class LoggingOrder {

    private static final Logger log = LoggerFactory.getLogger(LoggingOrder.class);

    public void cancel() {
        log.info("cancelled");
    }
}
