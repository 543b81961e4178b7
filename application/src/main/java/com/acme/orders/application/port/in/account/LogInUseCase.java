package com.acme.orders.application.port.in.account;

/**
 * Checks a user's credentials and starts a session: a new refresh token family. Issuing the access token is the
 * driving adapter's business.
 */
public interface LogInUseCase {

    /**
     * Checks the email and password, and starts a refresh token family that expires after the configured lifetime.
     *
     * @return the user whose email and password these are, and the family's first refresh token
     * @throws InvalidCredentialsException for an unknown email and a wrong password alike, after the same work
     * @throws TooManyAttemptsException past the limit of the client address or of the account's failed log-ins,
     *     before the password is checked
     */
    Session logIn(LogInCommand command);
}
