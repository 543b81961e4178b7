package com.acme.orders.application.port.in.account;

import com.acme.orders.domain.user.User;

/** Checks a user's credentials. Issuing a token is the driving adapter's business. */
public interface LogInUseCase {

    /**
     * Checks the email and password.
     *
     * @return the user whose email and password these are
     * @throws InvalidCredentialsException for an unknown email and a wrong password alike, after the same work
     */
    User logIn(LogInCommand command);
}
