package com.acme.orders.adapter.persistence;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code refresh_tokens} joined with its family, as {@link RefreshTokenDao#lock} reads it. */
record RefreshTokenRow(
        String tokenHash, UUID familyId, long userId, Instant expiresAt, boolean spent, boolean revoked) {}
