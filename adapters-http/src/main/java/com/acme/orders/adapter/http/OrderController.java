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
        return idempotencyKey(ctx.header(IDEMPOTENCY_KEY_HEADER));
    }

    /** The {@code Idempotency-Key} header's value, if one was sent; a 400 naming the header if it is no key. */
    static Optional<IdempotencyKey> idempotencyKey(String raw) {
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
        OrderPage page = orders.list(listQuery(
                cursors, caller, ctx.queryParam("status"), ctx.queryParam("limit"), ctx.queryParam("cursor")));
        ctx.json(new OrderListResponse(
                page.orders().stream().map(OrderResponse::from).toList(),
                page.total(),
                page.next().map(next -> cursors.encode(caller, next)).orElse(null)));
    }

    /** The query of {@code GET /orders} from its raw parameters; a 400 naming every parameter that is wrong. */
    static ListOrdersQuery listQuery(
            PageCursors cursors, UserId caller, String rawStatus, String rawLimit, String rawCursor) {
        Validation validation = new Validation();
        Optional<OrderStatus> status =
                validation.field("status", () -> Optional.ofNullable(rawStatus).map(OrderStatus::fromCode));
        Integer limit = validation.field("limit", () -> limit(rawLimit));
        Optional<PageCursor> after = validation.field(
                "cursor",
                () -> Optional.ofNullable(rawCursor)
                        .map(raw -> cursors.decode(caller, raw)
                                .orElseThrow(() -> InvalidValueException.because(
                                        "is not a cursor from a previous page of this list"))));
        validation.orThrow();
        return new ListOrdersQuery(caller, status, limit, after);
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
        return orderId(ctx.pathParam("id"));
    }

    /** The {@code {id}} of an order's path; a 400 naming {@code id} if it is none. */
    static OrderId orderId(String raw) {
        Validation validation = new Validation();
        OrderId id = validation.field("id", () -> new OrderId(parseLong(raw)));
        validation.orThrow();
        return id;
    }

    /** Parses the page size; its range is the query's rule. */
    private static int limit(String raw) {
        if (raw == null) {
            return ListOrdersQuery.DEFAULT_LIMIT;
        }
        long limit = AsciiNumbers.parse(raw).orElse(0);
        return ListOrdersQuery.checkedLimit((int) Math.min(limit, Integer.MAX_VALUE));
    }

    /** Parses an id; whether it is a valid order id is {@link OrderId}'s rule. */
    private static long parseLong(String raw) {
        return AsciiNumbers.parse(raw)
                .orElseThrow(() -> InvalidValueException.because("must be a positive integer of ASCII digits"));
    }
}
