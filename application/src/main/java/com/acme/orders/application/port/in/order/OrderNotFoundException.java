package com.acme.orders.application.port.in.order;

import com.acme.orders.domain.order.OrderId;

/** No such order for this caller: it does not exist, or it is someone else's, which callers cannot tell apart. */
public final class OrderNotFoundException extends RuntimeException {

    public OrderNotFoundException(OrderId id) {
        super("order " + id + " not found", null, false, false);
    }
}
