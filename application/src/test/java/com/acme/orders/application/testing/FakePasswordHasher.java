package com.acme.orders.application.testing;

import com.acme.orders.application.port.out.PasswordHasher;
import com.acme.orders.domain.user.Password;
import com.acme.orders.domain.user.PasswordHash;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A fast, deterministic stand-in for bcrypt: the hash is {@code "fake$"} and the password's bytes in base64. It
 * counts its work, so that a test can prove that a log-in for an unknown email still checked one password, against
 * the {@link #decoy()}. Thread-safe.
 */
public final class FakePasswordHasher implements PasswordHasher {

    private static final String PREFIX = "fake$";
    /** Never the hash of a password: base64 of 8 or more bytes is longer than this. */
    private static final PasswordHash DECOY = new PasswordHash(PREFIX + "decoy");

    private int hashCalls;
    private final List<PasswordHash> matchedAgainst = new ArrayList<>();

    /** What {@link #hash} answers for this password, without counting a call. */
    public static PasswordHash hashOf(Password password) {
        return new PasswordHash(PREFIX + Base64.getEncoder().encodeToString(password.utf8Bytes()));
    }

    @Override
    public synchronized PasswordHash hash(Password password) {
        Objects.requireNonNull(password, "password");
        hashCalls++;
        return hashOf(password);
    }

    @Override
    public synchronized boolean matches(Password candidate, PasswordHash hash) {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(hash, "hash");
        matchedAgainst.add(hash);
        return hashOf(candidate).equals(hash);
    }

    @Override
    public PasswordHash decoy() {
        return DECOY;
    }

    public synchronized int hashCalls() {
        return hashCalls;
    }

    public synchronized int matchesCalls() {
        return matchedAgainst.size();
    }

    /** The hashes that candidates were checked against, in call order. */
    public synchronized List<PasswordHash> matchedAgainst() {
        return List.copyOf(matchedAgainst);
    }
}
