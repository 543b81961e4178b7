package com.acme.orders.domain.user;

import java.time.Instant;
import java.util.Objects;

/** A registered user. Identity is the {@link UserId}; the email is unique case-insensitively. */
public record User(UserId id, UserName name, Email email, PasswordHash passwordHash, Instant createdAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
