package com.acme.orders.application.testing;

import com.acme.orders.application.port.in.order.PlaceOrderCommand;
import com.acme.orders.domain.order.Amount;
import com.acme.orders.domain.order.ProductName;
import com.acme.orders.domain.user.UserId;

/** Test orders. */
public final class Orders {

    private Orders() {}

    public static PlaceOrderCommand laptopFor(UserId ownerId) {
        return placement(ownerId, "Laptop", "999.99");
    }

    public static PlaceOrderCommand placement(UserId ownerId, String productName, String amount) {
        return new PlaceOrderCommand(ownerId, new ProductName(productName), Amount.of(amount));
    }
}
