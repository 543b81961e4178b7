package com.acme.orders.application.port.in.order;

import com.acme.orders.domain.order.Amount;
import com.acme.orders.domain.order.ProductName;
import com.acme.orders.domain.user.UserId;
import java.util.Objects;

public record PlaceOrderCommand(UserId ownerId, ProductName productName, Amount amount) {

    public PlaceOrderCommand {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(productName, "productName");
        Objects.requireNonNull(amount, "amount");
    }
}
