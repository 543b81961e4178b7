package com.acme.orders.archfixture.bad.application.port.out;

/** A well-behaved driven port, so that the layer exists. */
public interface OrderRepository {

    void add(String productName);
}
