package com.acme.orders.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The row mappers of the DAOs, written out by hand and made once: each statement is handed its mapper, so no call
 * looks one up. JDBI's {@code ConstructorMapper} would specialise itself for every result set, looking up a column
 * mapper per constructor parameter by reflection; these read each column once, by name, with the driver's own
 * getters. Timestamps are read as {@link OffsetDateTime}, exact for {@code timestamptz} whatever the JVM's time zone.
 */
final class RowMappers {

    private RowMappers() {}

    static final RowMapper<OrderRow> ORDER = (rs, ctx) -> order(rs);

    /** The order columns are null on the row that only carries the count of an empty page (the LEFT JOIN). */
    static final RowMapper<PageRow> PAGE = (rs, ctx) -> {
        long total = rs.getLong("total");
        rs.getLong("id");
        return new PageRow(total, rs.wasNull() ? null : order(rs));
    };

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
    static final RowMapper<EventRow> EVENT =
            (rs, ctx) -> new EventRow(rs.getLong("event_id"), rs.getLong("xid"), rs.getInt("sequence"), order(rs));

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
    static final RowMapper<ClaimedDeliveryRow> CLAIMED_DELIVERY = (rs, ctx) -> new ClaimedDeliveryRow(
            rs.getLong("delivery_id"),
            rs.getInt("attempt"),
            rs.getLong("webhook_id"),
            rs.getString("url"),
            java.nio.ByteBuffer.wrap(rs.getBytes("secret_sealed")).asReadOnlyBuffer(),
            new EventRow(rs.getLong("event_id"), 0, rs.getInt("sequence"), order(rs)));

    /** The first column as a {@code bigint}: a sequence's next value, an id. */
    static final RowMapper<Long> LONG = (rs, ctx) -> rs.getLong(1);

    /** The first column as an {@code integer}: a version, a count. */
    static final RowMapper<Integer> INT = (rs, ctx) -> rs.getInt(1);

    private static OrderRow order(ResultSet rs) throws SQLException {
        return new OrderRow(
                rs.getLong("id"),
                rs.getLong("user_id"),
                rs.getString("product_name"),
                rs.getBigDecimal("amount"),
                rs.getString("status"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
