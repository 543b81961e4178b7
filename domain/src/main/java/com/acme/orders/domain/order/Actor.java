package com.acme.orders.domain.order;

import com.acme.orders.domain.shared.InvalidValueException;
import java.util.Locale;

/** Who moved an order: its owner, or the processing job. */
public enum Actor {
    USER,
    SYSTEM;

    private final String code = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used on the wire and in storage. */
    public String code() {
        return code;
    }

    public static Actor fromCode(String code) {
        for (Actor actor : values()) {
            if (actor.code.equals(code)) {
                return actor;
            }
        }
        throw InvalidValueException.because("must be one of: user, system");
    }
}
