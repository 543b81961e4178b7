package com.acme.orders.application.port.in.order;

import com.acme.orders.application.port.IdempotencyKey;
import java.util.Objects;

/** Places {@code order} unless a request with the same {@code key} from the same user already did. */
public record PlaceOrderOnceCommand(PlaceOrderCommand order, IdempotencyKey key) {

    public PlaceOrderOnceCommand {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(key, "key");
    }
}
