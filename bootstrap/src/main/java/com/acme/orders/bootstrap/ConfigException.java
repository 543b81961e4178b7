package com.acme.orders.bootstrap;

/** The configuration cannot be used; the message is one line naming the variable and what is wrong with it. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
