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
import org.jdbi.v3.core.statement.Query;

/**
 * Orders and their histories in PostgreSQL. Each method is one SQL statement; {@link #add}, {@link #applyIfCurrent},
 * {@link #applyToOldest} and {@link #applyToEach} write the orders and their history entries together, so neither
 * exists without the other even outside a transaction.
 *
 * <p>The statements of every order request ({@link #findById}, {@link #findPage}, {@link #nextId} and {@link #add})
 * run the DAO's SQL on JDBI's fluent API with their mappers given, not through the SqlObject proxy. An on-demand SqlObject attaches anew on each call,
 * copying its configuration and looking up binders and mappers again (jdbi/jdbi#2617); in the profile of issue #7
 * that was about 40% of a list request's CPU. See docs/performance.md.
 */
public final class JdbiOrderRepository implements OrderRepository {

    private final Jdbi jdbi;
    private final OrderDao dao;

    JdbiOrderRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.dao = jdbi.onDemand(OrderDao.class);
    }

    @Override
    public OrderId nextId() {
        return new OrderId(jdbi.withHandle(handle -> handle.createQuery(OrderDao.NEXT_ID)
                .map((rs, ctx) -> rs.getLong(1))
                .one()));
    }

    @Override
    public void add(Order order) {
        OrderRow row = OrderRow.of(order);
        StatusChangeRow first = StatusChangeRow.of(StatusChange.placement(order.createdAt()));
        jdbi.useHandle(handle -> handle.createUpdate(OrderDao.INSERT_WITH_FIRST_CHANGE)
                .bind("id", row.id())
                .bind("userId", row.userId())
                .bind("productName", row.productName())
                .bind("amount", row.amount())
                .bind("status", row.status())
                .bind("createdAt", row.createdAt())
                .bind("updatedAt", row.updatedAt())
                .bind("fromStatus", first.fromStatus())
                .bind("toStatus", first.toStatus())
                .bind("at", first.at())
                .bind("actor", first.actor())
                .execute());
    }

    @Override
    public Optional<Order> findById(OrderId id) {
        return jdbi.withHandle(handle -> handle.createQuery(OrderDao.FIND_BY_ID)
                        .bind("id", id.value())
                        .map(RowMappers.ORDER)
                        .findOne())
                .map(OrderRow::toOrder);
    }

    @Override
    public Slice findPage(UserId ownerId, Optional<OrderStatus> status, Optional<PageCursor> after, int limit) {
        Instant afterCreatedAt = after.map(PageCursor::createdAt).orElse(null);
        Long afterId = after.map(cursor -> cursor.id().value()).orElse(null);
        List<PageRow> rows = jdbi.withHandle(handle -> {
            Query query = handle.createQuery(status.isPresent() ? OrderDao.FIND_PAGE_IN_STATUS : OrderDao.FIND_PAGE)
                    .bind("ownerId", ownerId.value())
                    .bindByType("afterCreatedAt", afterCreatedAt, Instant.class)
                    .bindByType("afterId", afterId, Long.class)
                    .bind("limit", limit);
            status.ifPresent(wanted -> query.bind("status", wanted.code()));
            return query.map(RowMappers.PAGE).list();
        });
        long total = rows.isEmpty() ? 0 : rows.getFirst().total();
        List<Order> orders = rows.stream()
                .filter(row -> row.order() != null)
                .map(row -> row.order().toOrder())
                .toList();
        return new Slice(orders, total);
    }

    @Override
    public Optional<Order> applyIfCurrent(OrderId id, UserId ownerId, StatusChange change) {
        StatusChangeRow row = StatusChangeRow.of(change);
        return dao.applyIfCurrent(id.value(), ownerId.value(), row.fromStatus(), row.toStatus(), row.at(), row.actor())
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
        StatusChangeRow row = StatusChangeRow.of(change);
        return dao
                .applyToOldest(sqlLiteral(from), changedAtOrBefore, limit, row.toStatus(), row.at(), row.actor())
                .stream()
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
        StatusChangeRow row = StatusChangeRow.of(change);
        return dao.applyToEach(values, row.fromStatus(), row.toStatus(), row.at(), row.actor());
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
