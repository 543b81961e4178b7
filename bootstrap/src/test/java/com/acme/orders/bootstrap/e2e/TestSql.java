package com.acme.orders.bootstrap.e2e;

import com.acme.orders.adapter.persistence.DatabaseSettings;
import com.acme.orders.adapter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Plain JDBC on a test's database, behind the service's back: to look at stored rows or to break something. */
final class TestSql {

    private TestSql() {}

    static void execute(DatabaseSettings database, String sql) {
        try (Connection connection = TestDatabase.connect(database);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, or null. */
    static String queryString(DatabaseSettings database, String sql, String parameter) {
        try (Connection connection = TestDatabase.connect(database);
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
        try (Connection connection = TestDatabase.connect(database);
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
