package com.acme.orders.application.port.in.order;

/** A user's own orders, newest first, one page at a time. */
public interface ListOrdersUseCase {

    OrderPage list(ListOrdersQuery query);
}
