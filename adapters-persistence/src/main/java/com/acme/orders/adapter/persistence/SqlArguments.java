package com.acme.orders.adapter.persistence;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.NullArgument;

/**
 * The DAOs' bound values as JDBI {@link Argument}s, made directly for their types and set as JDBI's own argument
 * factories set them: {@code setLong}, {@code setInt}, {@code setString}, {@code setBigDecimal}, an {@link Instant} as
 * a {@link Timestamp}, and a null as JDBI's {@link NullArgument} of the same JDBC type. JDBI applies a bound {@code Argument} as it is; any
 * other value it matches against its registered factories, by type, on every statement: about a tenth of JDBI's own
 * time in a read by id (docs/performance.md).
 */
final class SqlArguments {

    private SqlArguments() {}

    static Argument bigint(Long value) {
        return of(value, Types.BIGINT, PreparedStatement::setLong);
    }

    static Argument integer(Integer value) {
        return of(value, Types.INTEGER, PreparedStatement::setInt);
    }

    static Argument text(String value) {
        return of(value, Types.VARCHAR, PreparedStatement::setString);
    }

    static Argument numeric(BigDecimal value) {
        return of(value, Types.NUMERIC, PreparedStatement::setBigDecimal);
    }

    static Argument timestamp(Instant value) {
        return of(
                value,
                Types.TIMESTAMP,
                (statement, position, instant) -> statement.setTimestamp(position, Timestamp.from(instant)));
    }

    /** Sets a value of type {@code T} at a position: {@code PreparedStatement::setLong} and the like. */
    @FunctionalInterface
    private interface Setter<T> {
        void set(PreparedStatement statement, int position, T value) throws SQLException;
    }

    /** {@code value} set by {@code setter}, or JDBI's null of {@code sqlType} when it is null. */
    private static <T> Argument of(T value, int sqlType, Setter<T> setter) {
        return value == null
                ? new NullArgument(sqlType)
                : (position, statement, ctx) -> setter.set(statement, position, value);
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
