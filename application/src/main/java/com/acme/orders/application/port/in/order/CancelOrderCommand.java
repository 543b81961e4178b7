package com.acme.orders.application.port.in.order;

import com.acme.orders.domain.order.OrderId;
import com.acme.orders.domain.user.UserId;
import java.util.Objects;

public record CancelOrderCommand(UserId requesterId, OrderId orderId) {

    public CancelOrderCommand {
        Objects.requireNonNull(requesterId, "requesterId");
        Objects.requireNonNull(orderId, "orderId");
    }
}
