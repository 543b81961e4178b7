package com.acme.orders.application.port.in.order;

import com.acme.orders.application.port.PageCursor;
import com.acme.orders.domain.order.Order;
import java.util.List;
import java.util.Optional;

/**
 * One page of orders, the number of all orders that match the filter, and where the next page starts (empty on the
 * last page).
 */
public record OrderPage(List<Order> orders, long total, Optional<PageCursor> next) {

    public OrderPage {
        orders = List.copyOf(orders);
    }
}
