package com.acme.orders.adapter.persistence;

import com.acme.orders.application.port.out.RefreshTokenFamily;
import com.acme.orders.application.port.out.RefreshTokenHash;
import com.acme.orders.application.port.out.RefreshTokens;
import com.acme.orders.application.port.out.StoredRefreshToken;
import com.acme.orders.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Refresh tokens in PostgreSQL, by SHA-256 only. {@link #startFamily} writes two rows; callers outside a transaction
 * get them in one, so that no family is ever left without its first token.
 */
public final class JdbiRefreshTokens implements RefreshTokens {

    private final Jdbi jdbi;
    private final RefreshTokenDao dao;

    JdbiRefreshTokens(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.dao = new RefreshTokenDao(jdbi);
    }

    @Override
    public void startFamily(RefreshTokenFamily family, RefreshTokenHash first, Instant issuedAt) {
        jdbi.useTransaction(handle -> {
            dao.insertFamily(family.id(), family.userId().value(), issuedAt, family.expiresAt());
            dao.insertToken(first.hex(), family.id(), issuedAt);
        });
    }

    @Override
    public void addToFamily(UUID familyId, RefreshTokenHash token, Instant issuedAt) {
        dao.insertToken(token.hex(), familyId, issuedAt);
    }

    @Override
    public Optional<StoredRefreshToken> lock(RefreshTokenHash hash) {
        return dao.lock(hash.hex())
                .map(row -> new StoredRefreshToken(
                        new RefreshTokenHash(row.tokenHash()),
                        new RefreshTokenFamily(row.familyId(), new UserId(row.userId()), row.expiresAt()),
                        row.spent(),
                        row.revoked()));
    }

    @Override
    public void markSpent(RefreshTokenHash hash, Instant at) {
        dao.markSpent(hash.hex(), at);
    }

    @Override
    public void revokeFamily(UUID familyId, Instant at) {
        dao.revokeFamily(familyId, at);
    }

    @Override
    public void revokeAllOf(UserId userId, Instant at) {
        dao.revokeAllOfUser(userId.value(), at);
    }

    @Override
    public int removeExpired(Instant now, int limit) {
        return dao.deleteExpired(now, limit);
    }
}
