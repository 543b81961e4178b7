package com.acme.orders.application.port.in.order;

/**
 * The use cases of a user's own orders, for the driving adapter that serves them all. Idempotent placement
 * ({@link PlaceOrderOnceUseCase}) is a use case of its own, built on {@link PlaceOrderUseCase}.
 */
public interface OrderUseCases
        extends PlaceOrderUseCase, ListOrdersUseCase, GetOrderUseCase, CancelOrderUseCase, GetOrderHistoryUseCase {}
