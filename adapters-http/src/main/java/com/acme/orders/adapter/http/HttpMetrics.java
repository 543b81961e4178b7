package com.acme.orders.adapter.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * What the API measures and how {@code GET /metrics} reads it: one timer per method, route template and status
 * ({@value #REQUESTS}, with a latency histogram), recorded by the access log, and the registry's scrape in the
 * Prometheus text format, handed over by bootstrap so that this adapter needs only the Micrometer facade.
 */
public final class HttpMetrics {

    static final String REQUESTS = "http.server.requests";
    /** The route of a request that matched none (404, 405): never the raw path, which is unbounded. */
    static final String UNMATCHED = "unmatched";

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final MeterRegistry registry;
    private final Supplier<String> scrape;
    /**
     * The timers already registered, by method, route template and status: all three are bounded, so is this map.
     * Building and registering a timer per answer (a builder, a sorted tag list, the registry's lookup) cost about 2%
     * of the CPU of an order read in a profile.
     */
    private final ConcurrentMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    private record TimerKey(String method, String route, int status) {}

    /** @param scrape the registry's current values in the Prometheus text exposition format 0.0.4 */
    public HttpMetrics(MeterRegistry registry, Supplier<String> scrape) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.scrape = Objects.requireNonNull(scrape, "scrape");
    }

    /** @param route the matched route's template ({@code /orders/{id}}), or {@link #UNMATCHED} */
    void recordRequest(String method, String route, int status, Duration took) {
        timers.computeIfAbsent(new TimerKey(method, route, status), this::register)
                .record(took);
    }

    private Timer register(TimerKey key) {
        return Timer.builder(REQUESTS)
                .description("HTTP requests by method, route template and status")
                .tag("method", key.method())
                .tag("route", key.route())
                .tag("status", Integer.toString(key.status()))
                .publishPercentileHistogram()
                .register(registry);
    }

    String scrape() {
        return scrape.get();
    }

    /** {@code GET /metrics}. */
    void serve(Context ctx) {
        ctx.contentType(CONTENT_TYPE).result(scrape());
    }
}
