package com.acme.orders.archfixture.bad.application.port.out;

import com.acme.orders.archfixture.bad.application.port.in.PlaceOrderUseCase;

/** Breaks the rule that a driven port knows nothing of the driving ports: it hands out a use case. */
public interface RepositoryThatPlacesOrders {

    PlaceOrderUseCase placer();
}
