package com.acme.orders.application.testing;

import com.acme.orders.application.port.IdempotencyKey;
import com.acme.orders.application.port.RecordedResponse;
import com.acme.orders.application.port.out.IdempotencyKeys;
import com.acme.orders.application.port.out.IdempotencyKeys.Claim;
import com.acme.orders.application.port.out.IdempotencyKeys.StoredKey;
import com.acme.orders.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Idempotency keys in an {@link InMemoryStore}. As strict as the real store: a key belongs to a stored user and a
 * completed key to a stored order (the foreign keys). A claim outside a transaction is one atomic step; a completion
 * inside one is undone with it.
 */
public final class InMemoryIdempotencyKeys implements IdempotencyKeys {

    record OwnedKey(UserId owner, IdempotencyKey key) {}

    /** One key's row; {@code response} is null while the claim is in flight. */
    record KeyRow(String fingerprint, Instant createdAt, RecordedResponse response) {

        boolean inFlight() {
            return response == null;
        }
    }

    private final InMemoryStore store;

    public InMemoryIdempotencyKeys(InMemoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Optional<Claim> claim(
            UserId owner,
            IdempotencyKey key,
            String fingerprint,
            Instant claimedAt,
            Instant expiredBefore,
            Instant abandonedBefore) {
        OwnedKey id = new OwnedKey(owner, key);
        return store.locked(tables -> {
            if (!tables.usersById.containsKey(owner)) {
                throw new IllegalStateException("idempotency key of unknown user " + owner);
            }
            KeyRow existing = tables.idempotencyKeys.get(id);
            if (existing != null
                    && (existing.createdAt().isBefore(expiredBefore)
                            || (existing.inFlight() && existing.createdAt().isBefore(abandonedBefore)))) {
                tables.idempotencyKeys.remove(id);
                existing = null;
            }
            if (existing != null) {
                return Optional.empty();
            }
            tables.idempotencyKeys.put(id, new KeyRow(fingerprint, claimedAt, null));
            return Optional.of(new Claim(owner, key, claimedAt));
        });
    }

    @Override
    public Optional<StoredKey> find(UserId owner, IdempotencyKey key) {
        return store.locked(tables -> Optional.ofNullable(tables.idempotencyKeys.get(new OwnedKey(owner, key)))
                .map(row -> new StoredKey(row.fingerprint(), Optional.ofNullable(row.response()))));
    }

    @Override
    public boolean complete(Claim claim, RecordedResponse response) {
        Objects.requireNonNull(response, "response");
        OwnedKey id = new OwnedKey(claim.owner(), claim.key());
        return store.locked(tables -> {
            KeyRow existing = tables.idempotencyKeys.get(id);
            if (!heldBy(existing, claim)) {
                return false;
            }
            if (!tables.ordersById.containsKey(response.orderId())) {
                throw new IllegalStateException("idempotency key refers to unknown order " + response.orderId());
            }
            tables.idempotencyKeys.put(id, new KeyRow(existing.fingerprint(), existing.createdAt(), response));
            return true;
        });
    }

    @Override
    public void release(Claim claim) {
        OwnedKey id = new OwnedKey(claim.owner(), claim.key());
        store.locked(
                tables -> heldBy(tables.idempotencyKeys.get(id), claim) ? tables.idempotencyKeys.remove(id) : null);
    }

    @Override
    public int deleteExpired(Instant cutoff, int limit) {
        return store.locked(tables -> {
            List<OwnedKey> expired = tables.idempotencyKeys.entrySet().stream()
                    .filter(entry -> entry.getValue().createdAt().isBefore(cutoff))
                    .sorted(Comparator.comparing(entry -> entry.getValue().createdAt()))
                    .limit(limit)
                    .map(entry -> entry.getKey())
                    .toList();
            expired.forEach(tables.idempotencyKeys::remove);
            return expired.size();
        });
    }

    private static boolean heldBy(KeyRow row, Claim claim) {
        return row != null && row.inFlight() && row.createdAt().equals(claim.claimedAt());
    }
}
