package com.acme.orders.application.port.in.account;

import com.acme.orders.domain.user.User;

/** Registers a new user. */
public interface RegisterUserUseCase {

    /**
     * Stores a new user with a hash of the password.
     *
     * @throws EmailAlreadyRegisteredException when the email is taken, whatever its case
     * @throws TooManyAttemptsException past the limit of the client address (registrations and log-ins together)
     */
    User register(RegisterUserCommand command);
}
