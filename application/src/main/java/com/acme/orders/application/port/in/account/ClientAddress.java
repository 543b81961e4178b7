package com.acme.orders.application.port.in.account;

import java.util.Objects;

/**
 * The network address a request came from, as the driving adapter determined it (behind trusted proxies, the
 * client's rather than the proxy's); the log-in limits count per address.
 *
 * @param value an IP address in its canonical text form
 */
public record ClientAddress(String value) {

    /** Longer than any IPv6 address in text form. */
    static final int MAX_LENGTH = 64;

    public ClientAddress {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a client address is 1 to " + MAX_LENGTH + " characters");
        }
    }
}
