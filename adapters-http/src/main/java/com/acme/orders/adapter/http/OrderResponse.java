package com.acme.orders.adapter.http;

import com.acme.orders.domain.order.Order;
import java.math.BigDecimal;
import java.time.Instant;

/** An order as the API shows it; {@code amount} is a JSON number with two decimals. */
record OrderResponse(
        long id,
        long userId,
        String productName,
        BigDecimal amount,
        String status,
        Instant createdAt,
        Instant updatedAt) {

    static OrderResponse from(Order order) {
        return new OrderResponse(
                order.id().value(),
                order.ownerId().value(),
                order.productName().value(),
                order.amount().value(),
                order.status().code(),
                order.createdAt(),
                order.updatedAt());
    }
}
