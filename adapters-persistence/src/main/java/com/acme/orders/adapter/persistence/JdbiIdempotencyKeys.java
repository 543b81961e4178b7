package com.acme.orders.adapter.persistence;

import com.acme.orders.application.port.in.IdempotencyKey;
import com.acme.orders.application.port.in.RecordedResponse;
import com.acme.orders.application.port.out.IdempotencyKeys;
import com.acme.orders.domain.order.OrderId;
import com.acme.orders.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Idempotency keys in PostgreSQL ({@code idempotency_keys}, V7). A claim is three autocommitted statements: drop the
 * key's stale row, insert it in flight unless present, and read what is there when it was. Between them another
 * request may insert or delete the row; every interleaving ends in one of the answers of {@link Claim}, and a row
 * that vanished between the insert and the read is reported in flight (the client retries).
 */
public final class JdbiIdempotencyKeys implements IdempotencyKeys {

    private final IdempotencyKeyDao dao;

    JdbiIdempotencyKeys(Jdbi jdbi) {
        this.dao = jdbi.onDemand(IdempotencyKeyDao.class);
    }

    @Override
    public Claim claim(
            UserId owner,
            IdempotencyKey key,
            String fingerprint,
            Instant claimedAt,
            Instant expiredBefore,
            Instant abandonedBefore) {
        dao.deleteStale(owner.value(), key.value(), expiredBefore, abandonedBefore);
        if (dao.insertInFlight(owner.value(), key.value(), fingerprint, claimedAt) == 1) {
            return new Claim.Won(owner, key, claimedAt);
        }
        Optional<IdempotencyKeyRow> found = dao.find(owner.value(), key.value());
        if (found.isEmpty()) {
            return new Claim.InFlight();
        }
        IdempotencyKeyRow row = found.get();
        if (!row.fingerprint().equals(fingerprint)) {
            return new Claim.DifferentRequest();
        }
        if (IdempotencyKeyRow.IN_FLIGHT.equals(row.status())) {
            return new Claim.InFlight();
        }
        return new Claim.Replay(
                new RecordedResponse(new OrderId(row.orderId()), row.responseStatus(), row.responseBody()));
    }

    @Override
    public boolean complete(Claim.Won claim, RecordedResponse response) {
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
    public void release(Claim.Won claim) {
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
