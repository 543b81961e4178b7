package com.acme.orders.application.port.out;

import com.acme.orders.domain.user.Password;
import com.acme.orders.domain.user.PasswordHash;

/**
 * One-way password hashing. Deliberately slow: implementations bound how many hashes run at once so that password
 * work cannot starve the rest of the service.
 */
public interface PasswordHasher {

    PasswordHash hash(Password password);

    boolean matches(Password candidate, PasswordHash hash);

    /**
     * A hash of no one's password, made at the current cost. Checking a candidate against it takes as long as a real
     * check, so that an unknown email cannot be told from a wrong password by timing.
     */
    PasswordHash decoy();
}
