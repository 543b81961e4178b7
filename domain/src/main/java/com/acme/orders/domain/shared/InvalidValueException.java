package com.acme.orders.domain.shared;

/**
 * A value object refused its input. The message is safe to show to the client that sent the value: it names the
 * rule, never echoes a secret.
 */
public final class InvalidValueException extends RuntimeException {

    private InvalidValueException(String message) {
        super(message, null, false, false);
    }

    public static InvalidValueException because(String message) {
        return new InvalidValueException(message);
    }
}
