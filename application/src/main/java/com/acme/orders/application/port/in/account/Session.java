package com.acme.orders.application.port.in.account;

import com.acme.orders.domain.user.User;
import java.util.Objects;

/**
 * What a log-in or a refresh gives: the user, as stored now (its token version is the one a new access token must
 * carry), and the refresh token that may be spent, once, for the next session.
 */
public record Session(User user, RefreshToken refreshToken) {

    public Session {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(refreshToken, "refreshToken");
    }
}
