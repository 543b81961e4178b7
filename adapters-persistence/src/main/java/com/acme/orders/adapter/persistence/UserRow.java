package com.acme.orders.adapter.persistence;

import com.acme.orders.domain.user.Email;
import com.acme.orders.domain.user.PasswordHash;
import com.acme.orders.domain.user.User;
import com.acme.orders.domain.user.UserId;
import com.acme.orders.domain.user.UserName;
import java.time.Instant;

/** A row of {@code users}. */
record UserRow(long id, String name, String email, String passwordHash, Instant createdAt, int tokenVersion) {

    static UserRow of(User user) {
        return new UserRow(
                user.id().value(),
                user.name().value(),
                user.email().value(),
                user.passwordHash().value(),
                user.createdAt(),
                user.tokenVersion());
    }

    User toUser() {
        return new User(
                new UserId(id),
                new UserName(name),
                new Email(email),
                new PasswordHash(passwordHash),
                createdAt,
                tokenVersion);
    }

    @Override
    public String toString() {
        return "UserRow[id=" + id + "]";
    }
}
