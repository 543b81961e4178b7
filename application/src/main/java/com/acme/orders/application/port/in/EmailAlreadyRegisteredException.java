package com.acme.orders.application.port.in;

/** Rule: one account per email address, compared case-insensitively. */
public final class EmailAlreadyRegisteredException extends RuntimeException {

    public EmailAlreadyRegisteredException() {
        super("an account with this email address already exists", null, false, false);
    }
}
