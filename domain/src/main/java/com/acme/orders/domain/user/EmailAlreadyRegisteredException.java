package com.acme.orders.domain.user;

/** Rule: one account per email address, compared case-insensitively. */
public final class EmailAlreadyRegisteredException extends RuntimeException {

    public EmailAlreadyRegisteredException() {
        super("an account with this email address already exists", null, false, false);
    }
}
