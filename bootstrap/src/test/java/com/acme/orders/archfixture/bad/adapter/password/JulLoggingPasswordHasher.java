package com.acme.orders.archfixture.bad.adapter.password;

import java.util.logging.Logger;

/** Breaks "no java.util.logging". */
public final class JulLoggingPasswordHasher {

    private static final Logger LOG = Logger.getLogger(JulLoggingPasswordHasher.class.getName());

    public String hash(String password) {
        LOG.fine("hashing");
        return Integer.toHexString(password.hashCode());
    }
}
