package com.acme.orders.adapter.persistence;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.argument.Argument;

/**
 * The DAOs' bound values as JDBI {@link Argument}s, made directly for their types and set as JDBI's own argument
 * factories set them: {@code setLong}, {@code setInt}, {@code setString}, {@code setBigDecimal}, an {@link Instant} as
 * a {@link Timestamp}, and a null as a null of the same JDBC type. JDBI applies a bound {@code Argument} as it is; any
 * other value it matches against its registered factories, by type, on every statement: about a tenth of JDBI's own
 * time in a read by id (docs/performance.md).
 */
final class SqlArguments {

    private SqlArguments() {}

    static Argument bigint(Long value) {
        return value == null
                ? (position, statement, ctx) -> statement.setNull(position, Types.BIGINT)
                : (position, statement, ctx) -> statement.setLong(position, value);
    }

    static Argument integer(Integer value) {
        return value == null
                ? (position, statement, ctx) -> statement.setNull(position, Types.INTEGER)
                : (position, statement, ctx) -> statement.setInt(position, value);
    }

    static Argument text(String value) {
        return value == null
                ? (position, statement, ctx) -> statement.setNull(position, Types.VARCHAR)
                : (position, statement, ctx) -> statement.setString(position, value);
    }

    static Argument numeric(BigDecimal value) {
        return value == null
                ? (position, statement, ctx) -> statement.setNull(position, Types.NUMERIC)
                : (position, statement, ctx) -> statement.setBigDecimal(position, value);
    }

    static Argument timestamp(Instant value) {
        return value == null
                ? (position, statement, ctx) -> statement.setNull(position, Types.TIMESTAMP)
                : (position, statement, ctx) -> statement.setTimestamp(position, Timestamp.from(value));
    }

    private static final Map<Type, Function<Object, Argument>> BY_TYPE = Map.of(
            long.class, value -> bigint((Long) value),
            Long.class, value -> bigint((Long) value),
            int.class, value -> integer((Integer) value),
            Integer.class, value -> integer((Integer) value),
            String.class, value -> text((String) value),
            BigDecimal.class, value -> numeric((BigDecimal) value),
            Instant.class, value -> timestamp((Instant) value));

    /** How a value of {@code type} is bound here; null for a type left to JDBI's factories. */
    static Function<Object, Argument> forType(Type type) {
        return BY_TYPE.get(type);
    }
}
