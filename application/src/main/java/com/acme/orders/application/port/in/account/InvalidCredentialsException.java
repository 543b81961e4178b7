package com.acme.orders.application.port.in.account;

/** The email is unknown or the password is wrong; deliberately not saying which. */
public final class InvalidCredentialsException extends RuntimeException {

    public InvalidCredentialsException() {
        super("incorrect email or password", null, false, false);
    }
}
