package com.acme.orders.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How long sessions last.
 *
 * @param refreshTokenLifetime from log-in to the expiry of the refresh token family it starts; rotation does not
 *     extend it, so a stolen token cannot keep a session alive past it
 */
public record SessionSettings(Duration refreshTokenLifetime) {

    public static final SessionSettings DEFAULTS = new SessionSettings(Duration.ofDays(14));

    public SessionSettings {
        Objects.requireNonNull(refreshTokenLifetime, "refreshTokenLifetime");
        if (refreshTokenLifetime.isNegative() || refreshTokenLifetime.isZero()) {
            throw new IllegalArgumentException("refreshTokenLifetime must be positive");
        }
    }
}
