package com.acme.orders.application.port.in.account;

/**
 * The refresh token is unknown, expired, revoked or already spent; deliberately not saying which. A spent one has, by
 * the time this is thrown, revoked its family and every access token of its user.
 */
public final class InvalidRefreshTokenException extends RuntimeException {

    public InvalidRefreshTokenException() {
        super("the refresh token is invalid, expired or revoked", null, false, false);
    }
}
