package com.acme.orders.archfixture.bad.adapter.persistence;

import com.acme.orders.archfixture.bad.application.port.out.OrderRepository;

/** Breaks "no generic exceptions": a failure that names nothing. */
public final class GenericallyFailingRepository implements OrderRepository {

    @Override
    public void add(String productName) {
        throw new RuntimeException("could not add " + productName);
    }
}
