package com.acme.orders.application.testing;

import com.acme.orders.application.port.out.RefreshTokenFamily;
import com.acme.orders.application.port.out.RefreshTokenHash;
import com.acme.orders.application.port.out.RefreshTokens;
import com.acme.orders.application.port.out.StoredRefreshToken;
import com.acme.orders.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Refresh tokens in an {@link InMemoryStore}. The store runs one transaction at a time, so {@link #lock} needs no lock
 * of its own: no other transaction can touch the token before this one ends.
 */
public final class InMemoryRefreshTokens implements RefreshTokens {

    record FamilyRow(RefreshTokenFamily family, Instant revokedAt) {}

    record TokenRow(UUID familyId, Instant issuedAt, Instant spentAt) {}

    private final InMemoryStore store;

    public InMemoryRefreshTokens(InMemoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void startFamily(RefreshTokenFamily family, RefreshTokenHash first, Instant issuedAt) {
        store.locked(tables -> {
            if (tables.refreshTokenFamilies.putIfAbsent(family.id(), new FamilyRow(family, null)) != null) {
                throw new IllegalStateException("family " + family.id() + " is already stored");
            }
            insert(tables, first, new TokenRow(family.id(), issuedAt, null));
            return null;
        });
    }

    @Override
    public void addToFamily(UUID familyId, RefreshTokenHash token, Instant issuedAt) {
        store.locked(tables -> {
            if (!tables.refreshTokenFamilies.containsKey(familyId)) {
                throw new IllegalStateException("no family " + familyId);
            }
            insert(tables, token, new TokenRow(familyId, issuedAt, null));
            return null;
        });
    }

    private static void insert(InMemoryStore.Tables tables, RefreshTokenHash hash, TokenRow row) {
        if (tables.refreshTokens.putIfAbsent(hash, row) != null) {
            throw new IllegalStateException("token " + hash + " is already stored");
        }
    }

    @Override
    public Optional<StoredRefreshToken> lock(RefreshTokenHash hash) {
        return store.locked(tables -> Optional.ofNullable(tables.refreshTokens.get(hash))
                .map(token -> {
                    FamilyRow family = tables.refreshTokenFamilies.get(token.familyId());
                    return new StoredRefreshToken(
                            hash, family.family(), token.spentAt() != null, family.revokedAt() != null);
                }));
    }

    @Override
    public void markSpent(RefreshTokenHash hash, Instant at) {
        store.locked(tables -> tables.refreshTokens.computeIfPresent(
                hash, (ignored, token) -> new TokenRow(token.familyId(), token.issuedAt(), at)));
    }

    @Override
    public void revokeFamily(UUID familyId, Instant at) {
        store.locked(tables -> tables.refreshTokenFamilies.computeIfPresent(
                familyId, (ignored, row) -> row.revokedAt() != null ? row : new FamilyRow(row.family(), at)));
    }

    @Override
    public void revokeAllOf(UserId userId, Instant at) {
        store.locked(tables -> {
            tables.refreshTokenFamilies.replaceAll(
                    (id, row) -> row.family().userId().equals(userId) && row.revokedAt() == null
                            ? new FamilyRow(row.family(), at)
                            : row);
            return null;
        });
    }

    @Override
    public int removeExpired(Instant now, int limit) {
        return store.locked(tables -> {
            List<UUID> expired = tables.refreshTokenFamilies.values().stream()
                    .map(FamilyRow::family)
                    .filter(family -> family.expiresAt().isBefore(now))
                    .sorted(Comparator.comparing(RefreshTokenFamily::expiresAt))
                    .limit(limit)
                    .map(RefreshTokenFamily::id)
                    .toList();
            tables.refreshTokenFamilies.keySet().removeAll(expired);
            tables.refreshTokens.values().removeIf(token -> expired.contains(token.familyId()));
            return expired.size();
        });
    }

    /** How many tokens are stored, spent or not: for tests of the cleanup. */
    public int size() {
        return store.locked(tables -> tables.refreshTokens.size());
    }
}
