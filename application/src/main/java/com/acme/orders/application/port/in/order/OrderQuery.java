package com.acme.orders.application.port.in.order;

import com.acme.orders.domain.order.OrderId;
import com.acme.orders.domain.user.UserId;
import java.util.Objects;

/** One order, asked for by a user who must own it. */
public record OrderQuery(UserId requesterId, OrderId orderId) {

    public OrderQuery {
        Objects.requireNonNull(requesterId, "requesterId");
        Objects.requireNonNull(orderId, "orderId");
    }
}
