package com.acme.orders.adapter.persistence;

import com.acme.orders.application.port.IdempotencyKey;
import com.acme.orders.application.port.RecordedResponse;
import com.acme.orders.application.port.out.IdempotencyKeys;
import com.acme.orders.application.port.out.IdempotencyKeys.Claim;
import com.acme.orders.application.port.out.IdempotencyKeys.StoredKey;
import com.acme.orders.domain.order.OrderId;
import com.acme.orders.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Idempotency keys in PostgreSQL ({@code idempotency_keys}, V7). A claim is two autocommitted statements: drop the
 * key's stale row, then insert it in flight unless present; the primary key lets at most one of concurrent inserts
 * through.
 */
public final class JdbiIdempotencyKeys implements IdempotencyKeys {

    private final IdempotencyKeyDao dao;

    JdbiIdempotencyKeys(Jdbi jdbi) {
        this.dao = new IdempotencyKeyDao(jdbi);
    }

    @Override
    public Optional<Claim> claim(
            UserId owner,
            IdempotencyKey key,
            String fingerprint,
            Instant claimedAt,
            Instant expiredBefore,
            Instant abandonedBefore) {
        dao.deleteStale(owner.value(), key.value(), expiredBefore, abandonedBefore);
        if (dao.insertInFlight(owner.value(), key.value(), fingerprint, claimedAt) == 1) {
            return Optional.of(new Claim(owner, key, claimedAt));
        }
        return Optional.empty();
    }

    @Override
    public Optional<StoredKey> find(UserId owner, IdempotencyKey key) {
        return dao.find(owner.value(), key.value())
                .map(row -> new StoredKey(
                        row.fingerprint(),
                        IdempotencyKeyRow.IN_FLIGHT.equals(row.status())
                                ? Optional.empty()
                                : Optional.of(new RecordedResponse(
                                        new OrderId(row.orderId()), row.responseStatus(), row.responseBody()))));
    }

    @Override
    public boolean complete(Claim claim, RecordedResponse response) {
        return dao.complete(
                        claim.owner().value(),
                        claim.key().value(),
                        claim.claimedAt(),
                        response.orderId().value(),
                        response.status(),
                        response.body())
                == 1;
    }

    @Override
    public void release(Claim claim) {
        dao.release(claim.owner().value(), claim.key().value(), claim.claimedAt());
    }

    @Override
    public int deleteExpired(Instant cutoff, int limit) {
        if (limit <= 0) {
            return 0;
        }
        return dao.deleteExpired(cutoff, limit);
    }
}
