package com.acme.orders.bootstrap.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Why {@code DATABASE_POOLER=transaction} exists: through PgBouncer in transaction mode a statement pgjdbc prepared
 * on the server, or a session's {@code SET}, stays on the server connection it ran on, which the next transaction of
 * the same client may not get and another client may. With the pools' {@code prepareThreshold=0} the same sequence
 * works. PgBouncer hands out its most recently used idle server connection first, so a second client holding a
 * transaction open forces the first onto another one.
 */
class PgbouncerTransactionModeIT {

    private static final String COUNT = "SELECT count(*) FROM orders WHERE user_id = ?";

    private static ProcessingDatabase database;
    private static Pgbouncer pooler;

    @BeforeAll
    static void startPgbouncer() throws Exception {
        Path work = Pgbouncer.workDirectory("pgbouncer-transaction-mode");
        database = new ProcessingDatabase();
        pooler = Pgbouncer.start(work, database.settings(), 4);
    }

    @AfterAll
    static void stopPgbouncer() {
        if (pooler != null) {
            pooler.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /**
     * In a transaction: outside one, pgjdbc heals the error by preparing the statement again and retrying, at the
     * cost of a failed round trip each time.
     */
    @Test
    void a_statement_prepared_on_the_server_is_unknown_once_another_client_holds_that_server_connection()
            throws SQLException {
        try (Connection first = DriverManager.getConnection(pooler.jdbcUrl());
                Connection second = DriverManager.getConnection(pooler.jdbcUrl());
                PreparedStatement count = first.prepareStatement(COUNT)) {
            first.setAutoCommit(false);
            for (int i = 0; i < 5; i++) {
                run(count); // from the fifth execution pgjdbc names the statement on the server
                first.commit();
            }
            holdAServerConnection(second);

            assertThatThrownBy(() -> run(count))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("prepared statement")
                    .hasMessageContaining("does not exist");
        }
    }

    @Test
    void with_the_pools_prepare_threshold_of_zero_the_same_sequence_works() throws SQLException {
        String url = pooler.jdbcUrl() + "&prepareThreshold=0";
        try (Connection first = DriverManager.getConnection(url);
                Connection second = DriverManager.getConnection(url);
                PreparedStatement count = first.prepareStatement(COUNT)) {
            first.setAutoCommit(false);
            for (int i = 0; i < 5; i++) {
                run(count);
                first.commit();
            }
            holdAServerConnection(second);

            assertThat(run(count)).isZero();
            first.commit();
        }
    }

    @Test
    void a_session_setting_stays_on_its_server_connection_and_reaches_another_client() throws SQLException {
        try (Connection first = DriverManager.getConnection(pooler.jdbcUrl());
                Connection second = DriverManager.getConnection(pooler.jdbcUrl())) {
            try (Statement statement = first.createStatement()) {
                statement.execute("SET plan_cache_mode = force_custom_plan");
            }
            holdAServerConnection(second);

            assertThat(show(first)).as("the client that set it").isEqualTo("auto");
            assertThat(show(second)).as("another client").isEqualTo("force_custom_plan");
        }
    }

    /** Opens a transaction on {@code connection}: PgBouncer gives it the server connection used last. */
    private static void holdAServerConnection(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        }
    }

    private static long run(PreparedStatement count) throws SQLException {
        count.setLong(1, 1);
        try (ResultSet result = count.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String show(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW plan_cache_mode")) {
            result.next();
            return result.getString(1);
        }
    }
}
