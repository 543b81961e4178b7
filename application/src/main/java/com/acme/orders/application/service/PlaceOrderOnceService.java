package com.acme.orders.application.service;

import com.acme.orders.application.port.RecordedResponse;
import com.acme.orders.application.port.in.order.IdempotencyKeyInFlightException;
import com.acme.orders.application.port.in.order.IdempotencyKeyReusedException;
import com.acme.orders.application.port.in.order.PlaceOrderOnceCommand;
import com.acme.orders.application.port.in.order.PlaceOrderOnceUseCase;
import com.acme.orders.application.port.in.order.PlaceOrderUseCase;
import com.acme.orders.application.port.out.IdempotencyKeys;
import com.acme.orders.application.port.out.IdempotencyKeys.Claim;
import com.acme.orders.application.port.out.IdempotencyKeys.StoredKey;
import com.acme.orders.application.port.out.TransactionRunner;
import com.acme.orders.domain.order.Order;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Idempotent order placement. The key is claimed in flight in its own commit, so a concurrent duplicate is told 409
 * at once instead of waiting; then the order is placed and the key completed with the answer in one transaction. A
 * placement that fails releases its claim. A claim left behind by a crash counts as abandoned after
 * {@link #ABANDONED_AFTER}; a claim that was taken over cannot complete, so its order rolls back.
 */
public final class PlaceOrderOnceService implements PlaceOrderOnceUseCase {

    /** How long a key is kept and answered from; older keys count as new. */
    public static final Duration KEY_LIFETIME = Duration.ofHours(24);
    /** How long an unfinished claim blocks its key when its request died without releasing it. */
    public static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);
    /** Expired keys deleted by each claim: enough to outpace the creation of keys, cheap enough to do on write. */
    static final int EXPIRED_KEYS_PER_CLAIM = 100;

    private final PlaceOrderUseCase placeOrder;
    private final IdempotencyKeys keys;
    private final TransactionRunner transactions;
    private final Clock clock;

    public PlaceOrderOnceService(
            PlaceOrderUseCase placeOrder, IdempotencyKeys keys, TransactionRunner transactions, Clock clock) {
        this.placeOrder = Objects.requireNonNull(placeOrder, "placeOrder");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RecordedResponse place(PlaceOrderOnceCommand command, Function<Order, RecordedResponse> firstResponse) {
        Objects.requireNonNull(firstResponse, "firstResponse");
        Instant now = Timestamps.now(clock);
        Instant expiredBefore = now.minus(KEY_LIFETIME);
        keys.deleteExpired(expiredBefore, EXPIRED_KEYS_PER_CLAIM);
        String fingerprint = RequestFingerprint.of(command.order());
        Optional<Claim> won = keys.claim(
                command.order().ownerId(), command.key(), fingerprint, now, expiredBefore, now.minus(ABANDONED_AFTER));
        if (won.isPresent()) {
            return placeAndRecord(won.get(), command, firstResponse);
        }
        // The key is held. Gone by now: its holder released it, so a retry can claim it.
        StoredKey held =
                keys.find(command.order().ownerId(), command.key()).orElseThrow(IdempotencyKeyInFlightException::new);
        if (!held.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException();
        }
        return held.response().orElseThrow(IdempotencyKeyInFlightException::new);
    }

    private RecordedResponse placeAndRecord(
            Claim won, PlaceOrderOnceCommand command, Function<Order, RecordedResponse> firstResponse) {
        try {
            return transactions.inTransaction(() -> {
                Order order = placeOrder.place(command.order());
                RecordedResponse response = firstResponse.apply(order);
                if (!response.orderId().equals(order.id())) {
                    throw new IllegalArgumentException("the recorded response names order " + response.orderId()
                            + ", not the order placed, " + order.id());
                }
                if (!keys.complete(won, response)) {
                    // taken over as abandoned: the other request answers for the key; this order rolls back
                    throw new IdempotencyKeyInFlightException();
                }
                return response;
            });
        } catch (RuntimeException | Error failure) {
            try {
                keys.release(won);
            } catch (RuntimeException releaseFailure) {
                // the claim stays in flight until ABANDONED_AFTER passes
                failure.addSuppressed(releaseFailure);
            }
            throw failure;
        }
    }
}
