package com.acme.orders.adapter.http;

import com.acme.orders.application.port.in.order.PlaceOrderCommand;
import com.acme.orders.domain.order.Amount;
import com.acme.orders.domain.order.ProductName;
import com.acme.orders.domain.user.UserId;
import java.math.BigDecimal;

/** {@code POST /orders} body. Only these two fields: status, owner and id are never a client's to set. */
record PlaceOrderRequest(String productName, BigDecimal amount) {

    PlaceOrderCommand toCommand(UserId owner) {
        Validation validation = new Validation();
        ProductName validName = validation.field("product_name", () -> new ProductName(productName));
        Amount validAmount = validation.field("amount", () -> new Amount(amount));
        validation.orThrow();
        return new PlaceOrderCommand(owner, validName, validAmount);
    }
}
