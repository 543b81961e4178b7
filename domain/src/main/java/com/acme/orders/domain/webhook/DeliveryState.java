package com.acme.orders.domain.webhook;

import java.util.Locale;

/** Where a delivery of one event to one webhook stands: still to be (re)tried, delivered, or given up. */
public enum DeliveryState {
    PENDING,
    DELIVERED,
    FAILED;

    /** The name used on the wire and in storage: {@code pending}, {@code delivered}, {@code failed}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryState fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
