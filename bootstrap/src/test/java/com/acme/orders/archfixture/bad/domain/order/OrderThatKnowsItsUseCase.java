package com.acme.orders.archfixture.bad.domain.order;

import com.acme.orders.archfixture.bad.application.port.in.PlaceOrderUseCase;

/** Breaks the hexagonal layers (and "domain depends only on the JDK"): the domain reaching out to the application. */
public final class OrderThatKnowsItsUseCase {

    private final PlaceOrderUseCase placeOrder;

    public OrderThatKnowsItsUseCase(PlaceOrderUseCase placeOrder) {
        this.placeOrder = placeOrder;
    }

    public void placeAgain() {
        placeOrder.place("again");
    }
}
