package com.acme.orders.archfixture.bad.adapter.http;

import com.acme.orders.archfixture.bad.adapter.persistence.OrderDao;

/** Breaks "adapters do not depend on each other" (and the layers): the HTTP adapter calling a persistence DAO. */
public final class ControllerReadingTheDatabase {

    private final OrderDao orders;

    public ControllerReadingTheDatabase(OrderDao orders) {
        this.orders = orders;
    }

    public int count() {
        return orders.count();
    }
}
