package com.acme.orders.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The row mappers of the DAOs, written out by hand and made once: each statement is handed its mapper, so no call
 * looks one up. JDBI's {@code ConstructorMapper} would specialise itself for every result set, looking up a column
 * mapper per constructor parameter by reflection; these read each column once, by name, with the driver's own
 * getters. The mappers of orders, which come in pages, find their columns' positions by name once per result set
 * (JDBI {@linkplain RowMapper#specialize specialises} a mapper for each) and read each row by position: the driver's
 * lookup of a column by name was half the cost of mapping a page. Timestamps are read as {@link OffsetDateTime},
 * exact for {@code timestamptz} whatever the JVM's time zone.
 */
final class RowMappers {

    private RowMappers() {}

    static final RowMapper<OrderRow> ORDER = byPosition(OrderColumns::of, (rs, order) -> order.read(rs));

    /** The order columns are null on the row that only carries the count of an empty page (the LEFT JOIN). */
    static final RowMapper<PageRow> PAGE =
            byPosition(rs -> new PageColumns(rs.findColumn("total"), OrderColumns.of(rs)), (rs, columns) -> {
                long total = rs.getLong(columns.total());
                rs.getLong(columns.order().id());
                return new PageRow(total, rs.wasNull() ? null : columns.order().read(rs));
            });

    static final RowMapper<UserRow> USER = (rs, ctx) -> new UserRow(
            rs.getLong("id"),
            rs.getString("name"),
            rs.getString("email"),
            rs.getString("password_hash"),
            instant(rs, "created_at"),
            rs.getInt("token_version"));

    static final RowMapper<StatusChangeRow> STATUS_CHANGE = (rs, ctx) -> new StatusChangeRow(
            rs.getString("from_status"),
            rs.getString("to_status"),
            instant(rs, "at"),
            rs.getString("actor"),
            rs.getInt("sequence"));

    /** An event: the history row's id, sequence and writing transaction, with the order as the change left it. */
    static final RowMapper<EventRow> EVENT = byPosition(
            OrderColumns::of,
            (rs, order) ->
                    new EventRow(rs.getLong("event_id"), rs.getLong("xid"), rs.getInt("sequence"), order.read(rs)));

    /** The response columns are null while the key is in flight. */
    static final RowMapper<IdempotencyKeyRow> IDEMPOTENCY_KEY = (rs, ctx) -> new IdempotencyKeyRow(
            rs.getString("fingerprint"),
            rs.getString("status"),
            rs.getObject("order_id", Long.class),
            rs.getObject("response_status", Integer.class),
            rs.getString("response_body"));

    static final RowMapper<RefreshTokenRow> REFRESH_TOKEN = (rs, ctx) -> new RefreshTokenRow(
            rs.getString("token_hash"),
            rs.getObject("family_id", java.util.UUID.class),
            rs.getLong("user_id"),
            instant(rs, "expires_at"),
            rs.getBoolean("spent"),
            rs.getBoolean("revoked"));

    static final RowMapper<WebhookRow> WEBHOOK = (rs, ctx) -> new WebhookRow(
            rs.getLong("id"),
            rs.getLong("user_id"),
            rs.getString("url"),
            java.util.List.of((String[]) rs.getArray("event_types").getArray()),
            java.nio.ByteBuffer.wrap(rs.getBytes("secret_sealed")).asReadOnlyBuffer(),
            instant(rs, "created_at"));

    static final RowMapper<DeliveryAttemptRow> DELIVERY_ATTEMPT = (rs, ctx) -> new DeliveryAttemptRow(
            rs.getLong("event_id"),
            rs.getString("event_status"),
            rs.getInt("attempt"),
            rs.getInt("status_code"),
            rs.getString("error"),
            instant(rs, "at"),
            instant(rs, "next_attempt_at"),
            rs.getString("state"));

    /** A claimed delivery, with its event read as {@link #EVENT} reads one (the transaction id is not needed: 0). */
    static final RowMapper<ClaimedDeliveryRow> CLAIMED_DELIVERY = byPosition(
            OrderColumns::of,
            (rs, order) -> new ClaimedDeliveryRow(
                    rs.getLong("delivery_id"),
                    rs.getInt("attempt"),
                    rs.getLong("webhook_id"),
                    rs.getString("url"),
                    java.nio.ByteBuffer.wrap(rs.getBytes("secret_sealed")).asReadOnlyBuffer(),
                    new EventRow(rs.getLong("event_id"), 0, rs.getInt("sequence"), order.read(rs))));

    /** The first column as a {@code bigint}: a sequence's next value, an id. */
    static final RowMapper<Long> LONG = (rs, ctx) -> rs.getLong(1);

    /** The first column as an {@code integer}: a version, a count. */
    static final RowMapper<Integer> INT = (rs, ctx) -> rs.getInt(1);

    /** Finds what {@code C} records, the positions of some columns, in a result set. */
    @FunctionalInterface
    private interface ColumnFinder<C> {
        C find(ResultSet rs) throws SQLException;
    }

    /** Reads the current row with the positions {@code C} found in its result set. */
    @FunctionalInterface
    private interface PositionalReader<C, T> {
        T read(ResultSet rs, C columns) throws SQLException;
    }

    /** A mapper that finds its columns once per result set and reads every row of it by position. */
    private static <C, T> RowMapper<T> byPosition(ColumnFinder<C> finder, PositionalReader<C, T> reader) {
        return new RowMapper<>() {
            @Override
            public T map(ResultSet rs, StatementContext ctx) throws SQLException {
                return reader.read(rs, finder.find(rs));
            }

            @Override
            public RowMapper<T> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
                C columns = finder.find(rs);
                return (row, context) -> reader.read(row, columns);
            }
        };
    }

    /** The positions of an order's columns in a result set. */
    private record OrderColumns(
            int id, int userId, int productName, int amount, int status, int createdAt, int updatedAt) {

        static OrderColumns of(ResultSet rs) throws SQLException {
            return new OrderColumns(
                    rs.findColumn("id"),
                    rs.findColumn("user_id"),
                    rs.findColumn("product_name"),
                    rs.findColumn("amount"),
                    rs.findColumn("status"),
                    rs.findColumn("created_at"),
                    rs.findColumn("updated_at"));
        }

        OrderRow read(ResultSet rs) throws SQLException {
            return new OrderRow(
                    rs.getLong(id),
                    rs.getLong(userId),
                    rs.getString(productName),
                    rs.getBigDecimal(amount),
                    rs.getString(status),
                    instant(rs, createdAt),
                    instant(rs, updatedAt));
        }
    }

    /** The positions of a page row's count and order. */
    private record PageColumns(int total, OrderColumns order) {}

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return instant(rs, rs.findColumn(column));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
