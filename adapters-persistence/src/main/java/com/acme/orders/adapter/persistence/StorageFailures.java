package com.acme.orders.adapter.persistence;

import com.acme.orders.application.port.out.StorageUnavailableException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * The one place where a failure to reach PostgreSQL becomes the port's {@link StorageUnavailableException}: a
 * connection the pool could not hand out in time, a connection-class SQLState ({@code 08...}), or a server that is
 * shutting down or starting ({@code 57P01}, {@code 57P02}, {@code 57P03}). Every other failure passes unchanged.
 */
final class StorageFailures {

    private StorageFailures() {}

    /** {@code target} behind the port {@code port}, with failures to reach the database translated. */
    static <T> T translating(Class<T> port, T target) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            try {
                return method.invoke(target, arguments);
            } catch (InvocationTargetException e) {
                throw translate(e.getCause());
            }
        };
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
    }

    static Throwable translate(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StorageUnavailableException) {
                return cause;
            }
            if (cause instanceof SQLTransientConnectionException
                    || (cause instanceof SQLException sql && isUnreachable(sql.getSQLState()))) {
                return new StorageUnavailableException(
                        "the database cannot be reached: " + cause.getMessage(), failure);
            }
        }
        return failure;
    }

    private static boolean isUnreachable(String sqlState) {
        return sqlState != null
                && (sqlState.startsWith("08")
                        || sqlState.equals("57P01")
                        || sqlState.equals("57P02")
                        || sqlState.equals("57P03"));
    }
}
