package com.acme.orders.archfixture.bad.adapter.http;

import com.acme.orders.archfixture.bad.application.service.JsonPlaceOrderService;

/** Breaks "adapters use ports, not services" and "only bootstrap uses the services". */
public final class ControllerBuildingItsService {

    private final JsonPlaceOrderService service = new JsonPlaceOrderService();

    public void post(String productName) {
        service.place(productName);
    }
}
