package com.acme.orders.application.port.in.order;

import com.acme.orders.domain.order.Order;

/** A user places an order; it starts pending, with its first history entry. */
public interface PlaceOrderUseCase {

    Order place(PlaceOrderCommand command);
}
