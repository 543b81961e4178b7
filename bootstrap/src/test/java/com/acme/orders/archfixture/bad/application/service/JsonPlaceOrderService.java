package com.acme.orders.archfixture.bad.application.service;

import com.acme.orders.archfixture.bad.application.port.in.PlaceOrderUseCase;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Breaks "application depends only on the JDK and the domain": a service that speaks JSON with Jackson. */
public final class JsonPlaceOrderService implements PlaceOrderUseCase {

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public void place(String productName) {
        json.createObjectNode().put("product", productName);
    }
}
