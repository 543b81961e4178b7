package com.acme.orders.adapter.http;

import io.javalin.http.Context;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** {@code /}, {@code /health/live} and {@code /health/ready}. */
final class HealthController {

    private final String version;
    private final BooleanSupplier ready;

    HealthController(String version, BooleanSupplier ready) {
        this.version = version;
        this.ready = ready;
    }

    void root(Context ctx) {
        ctx.json(Map.of("status", "healthy", "message", "Order Management API is running", "version", version));
    }

    void live(Context ctx) {
        ctx.json(Map.of("status", "live"));
    }

    /** Ready when start-up has finished, the service is not stopping, and the database answers. */
    void ready(Context ctx) {
        if (!ready.getAsBoolean()) {
            throw new NotReadyException();
        }
        ctx.json(Map.of("status", "ready"));
    }

    /** The readiness check failed: answered 503 so that load balancers route elsewhere. */
    static final class NotReadyException extends RuntimeException {

        NotReadyException() {
            super("The service is not ready: starting, stopping, or its database does not answer.", null, false, false);
        }
    }
}
