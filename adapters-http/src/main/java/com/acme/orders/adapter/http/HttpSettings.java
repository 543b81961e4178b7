package com.acme.orders.adapter.http;

import java.util.Objects;

/**
 * Where the API listens and what it reports about itself.
 *
 * @param port 0 picks a free port (tests)
 * @param stopTimeoutMillis how long a stop waits for requests in flight
 */
public record HttpSettings(String host, int port, String version, long stopTimeoutMillis) {

    /** Bodies larger than this are refused with 413, whether or not they declare their length. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(version, "version");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
    }
}
