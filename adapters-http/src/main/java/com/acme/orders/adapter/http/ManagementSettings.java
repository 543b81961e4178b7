package com.acme.orders.adapter.http;

import java.util.Objects;

/**
 * Where the management listener ({@link ManagementApi}: metrics and health) listens: an address the load balancer
 * does not expose.
 *
 * @param port 0 picks a free port (tests)
 */
public record ManagementSettings(String host, int port) {

    public ManagementSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
    }
}
