package com.acme.orders.application.port.in.account;

import com.acme.orders.domain.user.UserId;

/**
 * Whether an access token the driving adapter has verified (signature, expiry) still stands for a user: the user
 * exists, and has not revoked the token's version since it was issued.
 */
public interface AuthenticateUseCase {

    boolean isCurrent(UserId userId, int tokenVersion);
}
