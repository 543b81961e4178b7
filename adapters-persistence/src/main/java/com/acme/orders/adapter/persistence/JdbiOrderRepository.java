package com.acme.orders.adapter.persistence;

import com.acme.orders.application.port.PageCursor;
import com.acme.orders.application.port.out.OrderRepository;
import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.order.OrderId;
import com.acme.orders.domain.order.OrderStatus;
import com.acme.orders.domain.order.StatusChange;
import com.acme.orders.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Orders and their histories in PostgreSQL. Each method is one SQL statement of {@link OrderDao}; {@link #add},
 * {@link #applyIfCurrent}, {@link #applyToOldest} and {@link #applyToEach} write the orders and their history entries
 * together, so neither exists without the other even outside a transaction.
 */
public final class JdbiOrderRepository implements OrderRepository {

    private final OrderDao dao;

    JdbiOrderRepository(Jdbi jdbi) {
        this.dao = new OrderDao(jdbi);
    }

    @Override
    public OrderId nextId() {
        return new OrderId(dao.nextId());
    }

    @Override
    public void add(Order order) {
        dao.insertWithFirstChange(OrderRow.of(order), StatusChangeRow.of(StatusChange.placement(order.createdAt())));
    }

    @Override
    public Optional<Order> findById(OrderId id) {
        return dao.findById(id.value()).map(OrderRow::toOrder);
    }

    @Override
    public Slice findPage(UserId ownerId, Optional<OrderStatus> status, Optional<PageCursor> after, int limit) {
        List<PageRow> rows = dao.findPage(
                ownerId.value(),
                status.map(OrderStatus::code).orElse(null),
                after.map(PageCursor::createdAt).orElse(null),
                after.map(cursor -> cursor.id().value()).orElse(null),
                limit);
        long total = rows.isEmpty() ? 0 : rows.getFirst().total();
        List<Order> orders = rows.stream()
                .filter(row -> row.order() != null)
                .map(row -> row.order().toOrder())
                .toList();
        return new Slice(orders, total);
    }

    @Override
    public Optional<Order> applyIfCurrent(OrderId id, UserId ownerId, StatusChange change) {
        return dao.applyIfCurrent(id.value(), ownerId.value(), StatusChangeRow.of(change))
                .map(OrderRow::toOrder);
    }

    @Override
    public List<OrderId> applyToOldest(StatusChange change, Instant changedAtOrBefore, int limit) {
        OrderStatus from = originOf(change);
        Objects.requireNonNull(changedAtOrBefore, "changedAtOrBefore");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        if (limit == 0) {
            return List.of();
        }
        return dao.applyToOldest(sqlLiteral(from), changedAtOrBefore, limit, StatusChangeRow.of(change)).stream()
                .map(OrderId::new)
                .toList();
    }

    @Override
    public int applyToEach(List<OrderId> ids, StatusChange change) {
        originOf(change);
        long[] values = ids.stream().mapToLong(OrderId::value).toArray();
        if (values.length == 0) {
            return 0;
        }
        return dao.applyToEach(values, StatusChangeRow.of(change));
    }

    /** The state a batch change starts from; a placement has none and is not a change of stored orders. */
    private static OrderStatus originOf(StatusChange change) {
        Objects.requireNonNull(change, "change");
        if (change.from() == null) {
            throw new IllegalArgumentException("a placement is not applied to stored orders: " + change);
        }
        return change.from();
    }

    /** A status as an SQL string literal, to be written into a statement: codes are lower-case letters only. */
    private static String sqlLiteral(OrderStatus status) {
        return "'" + status.code() + "'";
    }

    @Override
    public List<StatusChange> history(OrderId id) {
        return dao.history(id.value()).stream()
                .map(StatusChangeRow::toStatusChange)
                .toList();
    }
}
