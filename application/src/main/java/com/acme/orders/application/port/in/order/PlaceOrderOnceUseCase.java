package com.acme.orders.application.port.in.order;

import com.acme.orders.application.port.RecordedResponse;
import com.acme.orders.domain.order.Order;
import java.util.function.Function;

/**
 * A user places an order at most once per idempotency key: the first request with a key places it and records its
 * answer, built by {@code firstResponse} in the same transaction as the order; a retry with the same key and the
 * same order gets that answer again and places nothing. Keys are kept for 24 hours; an older key counts as new.
 */
public interface PlaceOrderOnceUseCase {

    /**
     * Places the order unless a request with the same key already did.
     *
     * @return the first answer for this key: just made, or recorded by an earlier request
     * @throws IdempotencyKeyReusedException when the key was used for a different order
     * @throws IdempotencyKeyInFlightException when the first request with this key has not finished yet
     */
    RecordedResponse place(PlaceOrderOnceCommand command, Function<Order, RecordedResponse> firstResponse);
}
