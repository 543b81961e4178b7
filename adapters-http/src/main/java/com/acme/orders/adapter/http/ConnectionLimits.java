package com.acme.orders.adapter.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What one client connection may hold of a listener, enforced by Jetty: how long it may sit idle, how many may be open
 * at once, and how long a request may take to arrive.
 *
 * @param idleTimeout a connection with no bytes in either direction for this long is closed (the connector's idle
 *     timeout): between keep-alive requests, and while a request or an answer is stalled
 * @param maxConnections open connections at most (Jetty's {@code NetworkConnectionLimit}); beyond, the listener stops
 *     accepting, and new connections wait in the kernel's accept queue until one closes
 * @param requestReadTimeout a total deadline for a request's head and body, from its first byte: a client that sends
 *     one byte now and then (slow-loris) is cut, whatever the idle timeout ({@link RequestReadDeadline})
 */
public record ConnectionLimits(Duration idleTimeout, int maxConnections, Duration requestReadTimeout) {

    /** 30 s idle, 2,000 connections, 10 s to send a request. */
    public static final ConnectionLimits DEFAULTS =
            new ConnectionLimits(Duration.ofSeconds(30), 2_000, Duration.ofSeconds(10));

    public ConnectionLimits {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(requestReadTimeout, "requestReadTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive");
        }
        if (requestReadTimeout.isNegative() || requestReadTimeout.isZero()) {
            throw new IllegalArgumentException("requestReadTimeout must be positive");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1");
        }
    }
}
