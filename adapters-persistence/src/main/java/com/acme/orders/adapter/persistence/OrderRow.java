package com.acme.orders.adapter.persistence;

import com.acme.orders.domain.order.Amount;
import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.order.OrderId;
import com.acme.orders.domain.order.OrderStatus;
import com.acme.orders.domain.order.ProductName;
import com.acme.orders.domain.user.UserId;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A row of {@code orders}; status as {@link OrderStatus#code()}. Read by {@link RowMappers}, which maps the empty
 * side of the page query's LEFT JOIN (a null {@code id}) to no row at all rather than to a row of nulls.
 */
record OrderRow(
        long id,
        long userId,
        String productName,
        BigDecimal amount,
        String status,
        Instant createdAt,
        Instant updatedAt) {

    static OrderRow of(Order order) {
        return new OrderRow(
                order.id().value(),
                order.ownerId().value(),
                order.productName().value(),
                order.amount().value(),
                order.status().code(),
                order.createdAt(),
                order.updatedAt());
    }

    Order toOrder() {
        return Order.restore(
                new OrderId(id),
                new UserId(userId),
                new ProductName(productName),
                new Amount(amount),
                OrderStatus.fromCode(status),
                createdAt,
                updatedAt);
    }
}
