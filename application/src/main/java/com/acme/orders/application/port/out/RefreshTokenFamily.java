package com.acme.orders.application.port.out;

import com.acme.orders.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The refresh tokens that descend, by rotation, from one log-in: they share its expiry and are revoked together.
 *
 * @param expiresAt when every token of the family stops working; rotation does not move it
 */
public record RefreshTokenFamily(UUID id, UserId userId, Instant expiresAt) {

    public RefreshTokenFamily {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
