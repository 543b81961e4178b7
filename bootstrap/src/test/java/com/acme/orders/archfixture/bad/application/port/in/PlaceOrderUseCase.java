package com.acme.orders.archfixture.bad.application.port.in;

/** A well-behaved driving port, so that the layer exists. */
public interface PlaceOrderUseCase {

    void place(String productName);
}
