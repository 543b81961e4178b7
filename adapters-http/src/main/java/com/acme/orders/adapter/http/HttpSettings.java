package com.acme.orders.adapter.http;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where the API listens and what it reports about itself.
 *
 * @param port 0 picks a free port (tests)
 * @param stopTimeout how long a stop waits for requests in flight
 * @param corsAllowedOrigins exact origins ({@code https://shop.example.com}) allowed to call the API from a browser;
 *     empty: CORS is off and no response carries {@code Access-Control-Allow-Origin}
 * @param trustedProxies whose {@code X-Forwarded-For} names the client address that log-in and registration are
 *     throttled by
 * @param limits what one connection may hold of the listener
 * @param maxOrderRequestsInFlight order requests (every {@code /orders} route needs the database) served at once;
 *     one more is answered 503 with {@code Retry-After} at once, rather than waiting for a connection of the pool
 *     ({@link InFlightLimit})
 * @param servesMetrics whether this listener serves {@code GET /metrics} too: only when the management listener is
 *     this one ({@link ManagementApi} otherwise)
 */
public record HttpSettings(
        String host,
        int port,
        String version,
        Duration stopTimeout,
        List<String> corsAllowedOrigins,
        TrustedProxies trustedProxies,
        ConnectionLimits limits,
        int maxOrderRequestsInFlight,
        boolean servesMetrics) {

    /** Bodies larger than this are refused with 413, whether or not they declare their length. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        Objects.requireNonNull(limits, "limits");
        if (maxOrderRequestsInFlight < 1) {
            throw new IllegalArgumentException("maxOrderRequestsInFlight must be at least 1");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (corsAllowedOrigins.contains("*")) {
            throw new IllegalArgumentException("corsAllowedOrigins lists exact origins, never '*'");
        }
    }

    /** CORS off, no trusted proxy, default limits, no metrics. */
    public HttpSettings(String host, int port, String version, Duration stopTimeout) {
        this(host, port, version, stopTimeout, List.of(), TrustedProxies.NONE, ConnectionLimits.DEFAULTS, 40, false);
    }
}
