package com.acme.orders.adapter.http;

import com.acme.orders.application.port.in.AuthenticateUseCase;
import com.acme.orders.application.port.in.CancelOrderUseCase;
import com.acme.orders.application.port.in.GetOrderHistoryUseCase;
import com.acme.orders.application.port.in.GetOrderUseCase;
import com.acme.orders.application.port.in.ListOrdersUseCase;
import com.acme.orders.application.port.in.LogInUseCase;
import com.acme.orders.application.port.in.PlaceOrderOnceUseCase;
import com.acme.orders.application.port.in.PlaceOrderUseCase;
import com.acme.orders.application.port.in.RegisterUserUseCase;
import java.util.Objects;

/** The driving ports the API calls, handed over by bootstrap. */
public record UseCases(
        RegisterUserUseCase registerUser,
        LogInUseCase logIn,
        AuthenticateUseCase authenticate,
        PlaceOrderUseCase placeOrder,
        ListOrdersUseCase listOrders,
        GetOrderUseCase getOrder,
        CancelOrderUseCase cancelOrder,
        GetOrderHistoryUseCase orderHistory,
        PlaceOrderOnceUseCase placeOrderOnce) {

    public UseCases {
        Objects.requireNonNull(registerUser, "registerUser");
        Objects.requireNonNull(logIn, "logIn");
        Objects.requireNonNull(authenticate, "authenticate");
        Objects.requireNonNull(placeOrder, "placeOrder");
        Objects.requireNonNull(listOrders, "listOrders");
        Objects.requireNonNull(getOrder, "getOrder");
        Objects.requireNonNull(cancelOrder, "cancelOrder");
        Objects.requireNonNull(orderHistory, "orderHistory");
        Objects.requireNonNull(placeOrderOnce, "placeOrderOnce");
    }
}
