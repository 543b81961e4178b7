package com.acme.orders.adapter.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How access tokens are signed and how long they live.
 *
 * @param algorithm {@code HS256}, {@code HS384} or {@code HS512}
 * @param accessTokenLifetime from issue to {@code exp}
 */
public record TokenSettings(String algorithm, Duration accessTokenLifetime) {

    public TokenSettings {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
        if (!AccessTokens.isSupported(algorithm)) {
            throw new IllegalArgumentException("unsupported token algorithm " + algorithm);
        }
        if (accessTokenLifetime.isNegative() || accessTokenLifetime.isZero()) {
            throw new IllegalArgumentException("accessTokenLifetime must be positive");
        }
    }
}
