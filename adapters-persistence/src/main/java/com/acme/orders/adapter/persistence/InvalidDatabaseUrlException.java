package com.acme.orders.adapter.persistence;

/**
 * A database URL could not be understood. The message says what is wrong with it and never contains the password
 * (nor the URL itself, which may hold one).
 */
public final class InvalidDatabaseUrlException extends RuntimeException {

    InvalidDatabaseUrlException(String message) {
        super(message, null, false, false);
    }
}
