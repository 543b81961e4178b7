package com.acme.orders.bootstrap.e2e;

import com.acme.orders.adapter.persistence.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/** Plain JDBC on a test's database, behind the service's back: to look at stored rows or to break something. */
final class TestSql {

    private TestSql() {
    }

    static void execute(DatabaseSettings database, String sql) {
        try (Connection connection = connect(database);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, or null. */
    static String queryString(DatabaseSettings database, String sql, String parameter) {
        try (Connection connection = connect(database);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row of a query without parameters, as a number. */
    static long queryLong(DatabaseSettings database, String sql) {
        try (Connection connection = connect(database);
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect(DatabaseSettings database) throws SQLException {
        Properties credentials = new Properties();
        if (database.username() != null) {
            credentials.setProperty("user", database.username());
        }
        if (database.password() != null) {
            credentials.setProperty("password", database.password());
        }
        return DriverManager.getConnection(database.jdbcUrl(), credentials);
    }
}
