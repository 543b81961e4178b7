package com.acme.orders.adapter.http;

import com.acme.orders.application.port.in.CancelOrderCommand;
import com.acme.orders.application.port.in.CancelOrderUseCase;
import com.acme.orders.application.port.in.GetOrderHistoryUseCase;
import com.acme.orders.application.port.in.GetOrderUseCase;
import com.acme.orders.application.port.in.ListOrdersQuery;
import com.acme.orders.application.port.in.ListOrdersUseCase;
import com.acme.orders.application.port.in.OrderPage;
import com.acme.orders.application.port.in.OrderQuery;
import com.acme.orders.application.port.in.PageCursor;
import com.acme.orders.application.port.in.PlaceOrderUseCase;
import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.order.OrderId;
import com.acme.orders.domain.order.OrderStatus;
import com.acme.orders.domain.shared.InvalidValueException;
import com.acme.orders.domain.user.UserId;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/** {@code /orders}: the caller's own orders. Every handler runs after {@link HttpApi}'s authentication hook. */
final class OrderController {

    private final PlaceOrderUseCase placeOrder;
    private final ListOrdersUseCase listOrders;
    private final GetOrderUseCase getOrder;
    private final CancelOrderUseCase cancelOrder;
    private final GetOrderHistoryUseCase orderHistory;
    private final JsonBodies bodies;
    private final PageCursors cursors;

    OrderController(PlaceOrderUseCase placeOrder, ListOrdersUseCase listOrders, GetOrderUseCase getOrder,
            CancelOrderUseCase cancelOrder, GetOrderHistoryUseCase orderHistory, JsonBodies bodies,
            PageCursors cursors) {
        this.placeOrder = placeOrder;
        this.listOrders = listOrders;
        this.getOrder = getOrder;
        this.cancelOrder = cancelOrder;
        this.orderHistory = orderHistory;
        this.bodies = bodies;
        this.cursors = cursors;
    }

    void place(Context ctx) {
        Order order = placeOrder.place(bodies.read(ctx, PlaceOrderRequest.class).toCommand(HttpApi.caller(ctx)));
        ctx.status(HttpStatus.CREATED)
                .header("Location", "/orders/" + order.id().value())
                .json(OrderResponse.from(order));
    }

    void list(Context ctx) {
        UserId caller = HttpApi.caller(ctx);
        Validation validation = new Validation();
        Optional<OrderStatus> status = validation.field("status",
                () -> Optional.ofNullable(ctx.queryParam("status")).map(OrderStatus::fromCode));
        Integer limit = validation.field("limit", () -> limit(ctx.queryParam("limit")));
        Optional<PageCursor> after = validation.field("cursor",
                () -> Optional.ofNullable(ctx.queryParam("cursor")).map(raw -> cursors.decode(caller, raw)
                        .orElseThrow(() -> InvalidValueException.because(
                                "is not a cursor from a previous page of this list"))));
        validation.orThrow();
        OrderPage page = listOrders.list(new ListOrdersQuery(caller, status, limit, after));
        ctx.json(new OrderListResponse(
                page.orders().stream().map(OrderResponse::from).toList(),
                page.total(),
                page.next().map(next -> cursors.encode(caller, next)).orElse(null)));
    }

    void get(Context ctx) {
        Order order = getOrder.get(new OrderQuery(HttpApi.caller(ctx), orderId(ctx)));
        ctx.json(OrderResponse.from(order));
    }

    void cancel(Context ctx) {
        Order order = cancelOrder.cancel(new CancelOrderCommand(HttpApi.caller(ctx), orderId(ctx)));
        ctx.json(OrderResponse.from(order));
    }

    void history(Context ctx) {
        ctx.json(orderHistory.history(new OrderQuery(HttpApi.caller(ctx), orderId(ctx))).stream()
                .map(StatusChangeResponse::from)
                .toList());
    }

    private static OrderId orderId(Context ctx) {
        Validation validation = new Validation();
        OrderId id = validation.field("id", () -> new OrderId(positiveLong(ctx.pathParam("id"))));
        validation.orThrow();
        return id;
    }

    private static int limit(String raw) {
        if (raw == null) {
            return ListOrdersQuery.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= ListOrdersQuery.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below, like any other out-of-range value
        }
        throw InvalidValueException.because("must be an integer between 1 and " + ListOrdersQuery.MAX_LIMIT);
    }

    private static long positiveLong(String raw) {
        try {
            long value = Long.parseLong(raw);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw InvalidValueException.because("must be a positive integer");
    }
}
