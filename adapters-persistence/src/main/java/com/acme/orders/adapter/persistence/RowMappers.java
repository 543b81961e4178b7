package com.acme.orders.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The row mappers of the DAOs, written out by hand. JDBI's {@code ConstructorMapper} specialises itself for every
 * result set, looking up a column mapper per constructor parameter by reflection (qualifier annotations included);
 * on the hot statements (the token-version lookup of every authenticated request, a page, an order by id) that was
 * a visible share of the service's CPU time per request in the profiles of issue #7. These read each column once by
 * name with the driver's own getters. Timestamps are read as {@link OffsetDateTime}, exact for {@code timestamptz}
 * whatever the JVM's time zone.
 */
final class RowMappers {

    private RowMappers() {}

    static final RowMapper<OrderRow> ORDER = new OrderRowMapper();
    static final RowMapper<PageRow> PAGE = new PageRowMapper();

    /**
     * Registers the mappers of the SQL objects' rows once, for every handle of {@code jdbi}. {@link #PAGE} is not among
     * them: only the fluent page query reads it, and names it.
     */
    static void registerOn(Jdbi jdbi) {
        jdbi.registerRowMapper(OrderRow.class, ORDER);
        jdbi.registerRowMapper(UserRow.class, new UserRowMapper());
        jdbi.registerRowMapper(StatusChangeRow.class, new StatusChangeRowMapper());
    }

    private static final class OrderRowMapper implements RowMapper<OrderRow> {
        @Override
        public OrderRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return order(rs);
        }
    }

    /** The order columns are null on the row that only carries the count of an empty page (the LEFT JOIN). */
    private static final class PageRowMapper implements RowMapper<PageRow> {
        @Override
        public PageRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            long total = rs.getLong("total");
            rs.getLong("id");
            return new PageRow(total, rs.wasNull() ? null : order(rs));
        }
    }

    private static final class UserRowMapper implements RowMapper<UserRow> {
        @Override
        public UserRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new UserRow(
                    rs.getLong("id"),
                    rs.getString("name"),
                    rs.getString("email"),
                    rs.getString("password_hash"),
                    instant(rs, "created_at"),
                    rs.getInt("token_version"));
        }
    }

    private static final class StatusChangeRowMapper implements RowMapper<StatusChangeRow> {
        @Override
        public StatusChangeRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new StatusChangeRow(
                    rs.getString("from_status"), rs.getString("to_status"), instant(rs, "at"), rs.getString("actor"));
        }
    }

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
