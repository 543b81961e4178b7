package com.acme.orders.application.port.in.account;

/** Spends a refresh token for a new session (rotation). */
public interface RefreshSessionUseCase {

    /**
     * Spends {@code presented} and returns a new session in the same family, which expires when the family does.
     * Presenting a token that was already spent is taken as theft (RFC 9700 §4.14.2): its whole family and every
     * access token of its user are revoked, on every instance, before the refusal.
     *
     * @throws InvalidRefreshTokenException for an unknown, expired, revoked or spent token; of two concurrent
     *     refreshes with the same token exactly one succeeds
     */
    Session refresh(RefreshToken presented);
}
