package com.acme.orders.application.port.out;

import com.acme.orders.domain.user.UserId;
import java.time.Duration;

/**
 * Tells a reader of {@link OrderEventFeed} that waits for new events when some may have arrived, on whichever
 * instance they were written. A hint, not a delivery: a reader always reads the feed again after a wake-up, and
 * waits only a bounded time, so a lost or spurious signal delays or repeats a read but never loses an event. A
 * waiting reader holds no database connection.
 */
public interface OrderEventSignals {

    /**
     * Returns when events of {@code ownerId} may have been committed since the call began, or after {@code timeout}
     * at the latest; may return earlier without cause.
     */
    void awaitNew(UserId ownerId, Duration timeout) throws InterruptedException;

    /**
     * Returns when events of anyone may have been committed since the call began, or after {@code timeout} at the
     * latest; may return earlier without cause. Without a source of signals (the default) it waits the whole
     * timeout, which makes its caller a plain poller.
     */
    default void awaitAny(Duration timeout) throws InterruptedException {
        Thread.sleep(timeout);
    }
}
