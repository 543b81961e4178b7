package com.acme.orders.application.port.in.account;

import com.acme.orders.domain.user.UserId;

/** Ends every session of a user. */
public interface LogOutUseCase {

    /** Revokes every refresh token family and every access token of {@code user}; nothing happens for an unknown user. */
    void logOut(UserId user);
}
