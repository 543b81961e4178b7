package com.acme.orders.adapter.http;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * HTTP/1.1 connections whose every request must arrive, head and body, within a deadline from its first byte. Jetty
 * bounds only the time between two bytes (the idle timeout), and in the servlet layer the body's average rate: a
 * client sending one byte every few seconds (slow-loris) would hold its connection for ever.
 *
 * <p>The deadline starts when a connection with no request begun receives bytes. When it passes:
 *
 * <ul>
 *   <li>the head still incomplete: no request exists yet, nothing else writes on the connection, so a 408
 *       problem+json is written and the connection closed;
 *   <li>the head read but the body still arriving: the request is handled, so its read fails as on an idle timeout
 *       (Jetty's own path), and {@link JsonBodies} answers 408 problem+json;
 *   <li>the request read whole: nothing happens; the answer may take as long as it takes.
 * </ul>
 */
final class RequestReadDeadline extends HttpConnectionFactory {

    static final String TIMEOUT_MESSAGE = "request read deadline";

    private final Duration deadline;
    private final ServerErrors errors;

    RequestReadDeadline(HttpConfiguration configuration, Duration deadline, ServerErrors errors) {
        super(configuration);
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        DeadlineConnection connection =
                new DeadlineConnection(getHttpConfiguration(), connector, endPoint, connector.getScheduler());
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }

    /** Whether a request was read past the deadline: Jetty's failure of its read carries this timeout. */
    static boolean isDeadline(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private final class DeadlineConnection extends HttpConnection {

        private final Scheduler scheduler;
        private Scheduler.Task pending;

        DeadlineConnection(
                HttpConfiguration configuration, Connector connector, EndPoint endPoint, Scheduler scheduler) {
            super(configuration, connector, endPoint);
            this.scheduler = scheduler;
        }

        /** Called when bytes arrive for the connection, never while a request's body is read by its handler. */
        @Override
        public void onFillable() {
            if (getParser().isStart()) {
                arm();
            }
            super.onFillable();
        }

        private synchronized void arm() {
            if (pending != null) {
                pending.cancel();
            }
            pending = scheduler.schedule(this::expire, deadline.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void onClose(Throwable cause) {
            synchronized (this) {
                if (pending != null) {
                    pending.cancel();
                }
            }
            super.onClose(cause);
        }

        private void expire() {
            HttpParser parser = getParser();
            if (parser.inHeaderState() && !parser.isStart()) {
                getEndPoint()
                        .write(
                                Callback.from(getEndPoint()::close),
                                errors.rawAnswer(ProblemType.REQUEST_TIMEOUT, headTimeoutDetail()));
            } else if (parser.inContentState()) {
                if (onIdleExpired(new TimeoutException(TIMEOUT_MESSAGE))) {
                    getEndPoint().close();
                }
            }
        }

        private String headTimeoutDetail() {
            return "The request did not arrive within " + deadline.toSeconds() + " s of its first byte.";
        }
    }
}
