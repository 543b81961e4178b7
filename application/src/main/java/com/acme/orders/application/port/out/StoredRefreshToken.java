package com.acme.orders.application.port.out;

import java.util.Objects;

/**
 * A stored refresh token with its family, as {@link RefreshTokens#lock} finds it.
 *
 * @param spent whether it was already exchanged for a newer one
 * @param familyRevoked whether its family was revoked (log-out, or a spent token presented again)
 */
public record StoredRefreshToken(
        RefreshTokenHash hash, RefreshTokenFamily family, boolean spent, boolean familyRevoked) {

    public StoredRefreshToken {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(family, "family");
    }
}
