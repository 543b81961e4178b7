package com.acme.orders.adapter.http;

import com.acme.orders.application.port.IdempotencyKey;
import com.acme.orders.application.port.PageCursor;
import com.acme.orders.application.port.RecordedResponse;
import com.acme.orders.application.port.in.order.CancelOrderCommand;
import com.acme.orders.application.port.in.order.ListOrdersQuery;
import com.acme.orders.application.port.in.order.OrderPage;
import com.acme.orders.application.port.in.order.OrderQuery;
import com.acme.orders.application.port.in.order.OrderUseCases;
import com.acme.orders.application.port.in.order.PlaceOrderCommand;
import com.acme.orders.application.port.in.order.PlaceOrderOnceCommand;
import com.acme.orders.application.port.in.order.PlaceOrderOnceUseCase;
import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.order.OrderId;
import com.acme.orders.domain.order.OrderStatus;
import com.acme.orders.domain.shared.InvalidValueException;
import com.acme.orders.domain.user.UserId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/** {@code /orders}: the caller's own orders. Every route is {@link BearerAuthentication#REQUIRED}. */
final class OrderController {

    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    private final OrderUseCases orders;
    private final PlaceOrderOnceUseCase placeOrderOnce;
    private final JsonBodies bodies;
    private final PageCursors cursors;
    private final ObjectMapper mapper;

    OrderController(
            OrderUseCases orders,
            PlaceOrderOnceUseCase placeOrderOnce,
            JsonBodies bodies,
            PageCursors cursors,
            ObjectMapper mapper) {
        this.orders = orders;
        this.placeOrderOnce = placeOrderOnce;
        this.bodies = bodies;
        this.cursors = cursors;
        this.mapper = mapper;
    }

    /**
     * Without an {@code Idempotency-Key}, places the order. With one, the first request places it and records the
     * exact answer (status and body) with the key, in the order's transaction; a retry gets that answer again.
     */
    void place(Context ctx) {
        Optional<IdempotencyKey> key = idempotencyKey(ctx);
        PlaceOrderCommand command =
                bodies.read(ctx, PlaceOrderRequest.class).toCommand(BearerAuthentication.caller(ctx));
        if (key.isEmpty()) {
            Order order = orders.place(command);
            ctx.status(HttpStatus.CREATED)
                    .header("Location", location(order.id()))
                    .json(OrderResponse.from(order));
            return;
        }
        RecordedResponse response = placeOrderOnce.place(
                new PlaceOrderOnceCommand(command, key.get()),
                order -> new RecordedResponse(order.id(), HttpStatus.CREATED.getCode(), orderJson(order)));
        ctx.status(response.status())
                .header("Location", location(response.orderId()))
                .contentType(ContentType.APPLICATION_JSON)
                .result(response.body());
    }

    private static Optional<IdempotencyKey> idempotencyKey(Context ctx) {
        String raw = ctx.header(IDEMPOTENCY_KEY_HEADER);
        if (raw == null) {
            return Optional.empty();
        }
        Validation validation = new Validation();
        IdempotencyKey key = validation.field(IDEMPOTENCY_KEY_HEADER, () -> new IdempotencyKey(raw));
        validation.orThrow();
        return Optional.of(key);
    }

    private String orderJson(Order order) {
        try {
            return mapper.writeValueAsString(OrderResponse.from(order));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an order could not be written as JSON", e);
        }
    }

    private static String location(OrderId id) {
        return "/orders/" + id.value();
    }

    void list(Context ctx) {
        UserId caller = BearerAuthentication.caller(ctx);
        Validation validation = new Validation();
        Optional<OrderStatus> status = validation.field(
                "status", () -> Optional.ofNullable(ctx.queryParam("status")).map(OrderStatus::fromCode));
        Integer limit = validation.field("limit", () -> limit(ctx.queryParam("limit")));
        Optional<PageCursor> after = validation.field(
                "cursor",
                () -> Optional.ofNullable(ctx.queryParam("cursor"))
                        .map(raw -> cursors.decode(caller, raw)
                                .orElseThrow(() -> InvalidValueException.because(
                                        "is not a cursor from a previous page of this list"))));
        validation.orThrow();
        OrderPage page = orders.list(new ListOrdersQuery(caller, status, limit, after));
        ctx.json(new OrderListResponse(
                page.orders().stream().map(OrderResponse::from).toList(),
                page.total(),
                page.next().map(next -> cursors.encode(caller, next)).orElse(null)));
    }

    void get(Context ctx) {
        Order order = orders.get(new OrderQuery(BearerAuthentication.caller(ctx), orderId(ctx)));
        ctx.json(OrderResponse.from(order));
    }

    void cancel(Context ctx) {
        Order order = orders.cancel(new CancelOrderCommand(BearerAuthentication.caller(ctx), orderId(ctx)));
        ctx.json(OrderResponse.from(order));
    }

    void history(Context ctx) {
        ctx.json(orders.history(new OrderQuery(BearerAuthentication.caller(ctx), orderId(ctx))).stream()
                .map(StatusChangeResponse::from)
                .toList());
    }

    private static OrderId orderId(Context ctx) {
        Validation validation = new Validation();
        OrderId id = validation.field("id", () -> new OrderId(parseLong(ctx.pathParam("id"))));
        validation.orThrow();
        return id;
    }

    /** Parses the page size; its range is the query's rule. */
    private static int limit(String raw) {
        if (raw == null) {
            return ListOrdersQuery.DEFAULT_LIMIT;
        }
        try {
            return ListOrdersQuery.checkedLimit(Integer.parseInt(raw));
        } catch (NumberFormatException e) {
            throw InvalidValueException.because("must be an integer between 1 and " + ListOrdersQuery.MAX_LIMIT);
        }
    }

    /** Parses an id; whether it is a valid order id is {@link OrderId}'s rule. */
    private static long parseLong(String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw InvalidValueException.because("must be a positive integer");
        }
    }
}
