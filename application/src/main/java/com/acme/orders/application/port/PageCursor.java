package com.acme.orders.application.port;

import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.order.OrderId;
import java.time.Instant;
import java.util.Objects;

/**
 * The position of the last order of a page in the list's order, {@code (created_at, id)} descending. The next page
 * starts strictly after it, so orders placed meanwhile neither shift nor repeat a page.
 */
public record PageCursor(Instant createdAt, OrderId id) {

    public PageCursor {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }

    public static PageCursor after(Order order) {
        return new PageCursor(order.createdAt(), order.id());
    }
}
