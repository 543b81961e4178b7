package com.acme.orders.application.service;

import com.acme.orders.application.port.PageCursor;
import com.acme.orders.application.port.in.order.CancelOrderCommand;
import com.acme.orders.application.port.in.order.ListOrdersQuery;
import com.acme.orders.application.port.in.order.OrderNotFoundException;
import com.acme.orders.application.port.in.order.OrderPage;
import com.acme.orders.application.port.in.order.OrderQuery;
import com.acme.orders.application.port.in.order.OrderUseCases;
import com.acme.orders.application.port.in.order.PlaceOrderCommand;
import com.acme.orders.application.port.out.OrderRepository;
import com.acme.orders.application.port.out.TransactionRunner;
import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.order.OrderId;
import com.acme.orders.domain.order.StatusChange;
import com.acme.orders.domain.user.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A user's own orders: place, list, read, cancel, and their history. */
public final class OrderService implements OrderUseCases {

    private final OrderRepository orders;
    private final TransactionRunner transactions;
    private final Clock clock;

    public OrderService(OrderRepository orders, TransactionRunner transactions, Clock clock) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Order place(PlaceOrderCommand command) {
        Order order = Order.place(
                orders.nextId(), command.ownerId(), command.productName(), command.amount(), Timestamps.now(clock));
        orders.add(order);
        return order;
    }

    @Override
    public OrderPage list(ListOrdersQuery query) {
        // One more than asked for tells whether another page follows, without a second query.
        OrderRepository.Slice slice =
                orders.findPage(query.ownerId(), query.status(), query.after(), query.limit() + 1);
        List<Order> found = slice.orders();
        if (found.size() <= query.limit()) {
            return new OrderPage(found, slice.total(), Optional.empty());
        }
        List<Order> page = found.subList(0, query.limit());
        return new OrderPage(page, slice.total(), Optional.of(PageCursor.after(page.getLast())));
    }

    @Override
    public Order get(OrderQuery query) {
        return findOwned(query.requesterId(), query.orderId());
    }

    @Override
    public List<StatusChange> history(OrderQuery query) {
        return transactions.inTransaction(() -> {
            findOwned(query.requesterId(), query.orderId());
            return orders.history(query.orderId());
        });
    }

    @Override
    public Order cancel(CancelOrderCommand command) {
        StatusChange cancellation = StatusChange.cancellation(Timestamps.now(clock));
        // The conditional update decides: of two racing cancels (or a cancel and the job), exactly one wins.
        Optional<Order> cancelled = orders.applyIfCurrent(command.orderId(), command.requesterId(), cancellation);
        if (cancelled.isPresent()) {
            return cancelled.get();
        }
        // Nothing moved: say why. Missing and foreign orders are not found; otherwise the domain names the rule that
        // the order's current status breaks (it is no longer pending: no order ever becomes pending again).
        Order current = findOwned(command.requesterId(), command.orderId());
        throw cancellation.refusedFor(current.status());
    }

    private Order findOwned(UserId requesterId, OrderId orderId) {
        return orders.findById(orderId)
                .filter(order -> order.isOwnedBy(requesterId))
                .orElseThrow(() -> new OrderNotFoundException(orderId));
    }
}
