package com.acme.orders.domain.user;

import java.time.Instant;
import java.util.Objects;

/**
 * A registered user. Identity is the {@link UserId}; the email is unique case-insensitively.
 *
 * @param tokenVersion the generation of the user's access tokens: tokens issued at another version are refused, so
 *     raising it (on a password change or a "log out everywhere") revokes every token issued before
 */
public record User(
        UserId id, UserName name, Email email, PasswordHash passwordHash, Instant createdAt, int tokenVersion) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        if (tokenVersion < 0) {
            throw new IllegalArgumentException("tokenVersion must not be negative");
        }
    }

    /** A new user, whose tokens are at the first version. */
    public User(UserId id, UserName name, Email email, PasswordHash passwordHash, Instant createdAt) {
        this(id, name, email, passwordHash, createdAt, 0);
    }

    /** Whether a token issued to this user at {@code version} is still good. */
    public boolean acceptsTokenVersion(int version) {
        return tokenVersion == version;
    }
}
