package com.acme.orders.adapter.http;

import com.acme.orders.domain.user.User;
import java.time.Instant;

/** A registered user as the API shows it: never the password hash. */
record UserResponse(long id, String name, String email, Instant createdAt) {

    static UserResponse from(User user) {
        return new UserResponse(
                user.id().value(), user.name().value(), user.email().value(), user.createdAt());
    }
}
