package com.acme.orders.adapter.http;

import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ConditionalHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Load shedding: at most so many order requests (every {@code /orders} route needs the database) are served at once;
 * one more is answered at once with 503 problem+json and {@code Retry-After: 1}, before anything is read or looked
 * up, rather than after waiting up to the pool's connection timeout. A client learns to back off in milliseconds, and
 * the requests admitted keep their latency. Every other path passes untouched: the health endpoints and the metrics
 * never shed, and log-in and registration are bounded by the password hasher's own queue.
 *
 * <p>Jetty's {@code QoSHandler} bounds requests the same way, but queues those beyond the bound, and when it refuses
 * one it writes an empty 503 without {@code Retry-After}; so the bound is this handler, on Jetty's
 * {@link ConditionalHandler} for the paths.
 */
final class InFlightLimit extends ConditionalHandler.Abstract {

    private final Semaphore permits;
    private final int maxInFlight;
    private final ServerErrors errors;

    InFlightLimit(int maxInFlight, ServerErrors errors) {
        this.maxInFlight = maxInFlight;
        this.permits = new Semaphore(maxInFlight);
        this.errors = Objects.requireNonNull(errors, "errors");
        includePath("/orders", "/orders/*");
    }

    @Override
    protected boolean onConditionsMet(Request request, Response response, Callback callback) throws Exception {
        if (!permits.tryAcquire()) {
            errors.answer(
                    request,
                    response,
                    callback,
                    ProblemType.UNAVAILABLE,
                    "The service is serving as many order requests as it can (" + maxInFlight
                            + "); retry after Retry-After.");
            return true;
        }
        // released once, when the exchange completes, however it ends (a handler that throws included)
        AtomicBoolean released = new AtomicBoolean();
        Request.addCompletionListener(request, failure -> {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        });
        return nextHandler(request, response, callback);
    }

    @Override
    protected boolean onConditionsNotMet(Request request, Response response, Callback callback) throws Exception {
        return nextHandler(request, response, callback);
    }
}
