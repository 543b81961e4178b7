package com.acme.orders.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every event one logger writes, at any level, while the capture is open. An event is captured with its MDC on the
 * thread that logged it: a request's lines are logged on the server's threads, and some after the answer was sent.
 */
final class CapturedLog implements AutoCloseable {

    private final Logger logger;
    private final Level levelBefore;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            super.append(event);
        }
    };

    private CapturedLog(Logger logger) {
        this.logger = logger;
        this.levelBefore = logger.getLevel();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.TRACE);
    }

    static CapturedLog of(String loggerName) {
        return new CapturedLog((Logger) LoggerFactory.getLogger(loggerName));
    }

    /** The events logged so far under {@code requestId}. */
    List<ILoggingEvent> loggedUnder(String requestId) {
        synchronized (appender) {
            return appender.list.stream()
                    .filter(event -> requestId.equals(event.getMDCPropertyMap().get("request_id")))
                    .toList();
        }
    }

    /** The one event logged under {@code requestId}, after waiting up to 5 s for it. */
    ILoggingEvent awaitOne(String requestId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (loggedUnder(requestId).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(loggedUnder(requestId))
                .as("events logged under request " + requestId)
                .hasSize(1);
        return loggedUnder(requestId).getFirst();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(levelBefore);
    }
}
