package com.acme.orders.archfixture.bad.domain.order;

import com.acme.orders.archfixture.bad.application.service.JsonPlaceOrderService;

/** Breaks "only bootstrap uses the services" (and the layers): a class outside bootstrap constructing a service. */
public final class OrderThatBuildsAService {

    public void placeAgain() {
        new JsonPlaceOrderService().place("again");
    }
}
