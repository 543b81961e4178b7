package com.acme.orders.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.acme.orders.adapter.persistence.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The pools behind a pooler in transaction mode keep no state in the server's session: no statement prepared on the
 * server, no session setting; the schema is migrated over the direct connection; and a missing role-level plan
 * setting is reported. The pooler itself is exercised by bootstrap's {@code LoadBalancedClusterIT}.
 */
class TransactionPoolerTest {

    private static final String PREPARED_COUNTS =
            "SELECT count(*) FROM pg_prepared_statements WHERE statement = 'SELECT count(*) FROM orders'";

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger log = (Logger) LoggerFactory.getLogger(Database.class);

    @BeforeEach
    void captureLog() {
        logged.start();
        log.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        log.detachAppender(logged);
    }

    @Test
    void a_transaction_pooler_without_a_direct_connection_for_migrations_is_refused() {
        assertThatThrownBy(() -> new PoolerSettings(true, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("direct connection");
    }

    @Test
    void behind_a_transaction_pooler_no_connection_prepares_a_statement_on_the_server_or_sets_its_session()
            throws SQLException {
        DatabaseSettings settings = TestDatabase.fresh();
        try (Database database = Database.connect(settings, new PoolerSettings(true, Optional.of(settings)), null);
                HikariDataSource quartz = database.dedicatedPool("quartz", 1)) {
            for (DataSource pool : List.of(database.dataSource(), quartz)) {
                try (Connection connection = pool.getConnection()) {
                    // pgjdbc prepares on the server from the fifth execution by default
                    try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM orders")) {
                        for (int i = 0; i < 10; i++) {
                            try (ResultSet result = select.executeQuery()) {
                                assertThat(result.next()).isTrue();
                            }
                        }
                    }
                    assertThat(single(connection, PREPARED_COUNTS)).isEqualTo("0");
                    assertThat(single(connection, "SHOW plan_cache_mode")).isEqualTo("auto");
                }
            }
        }
    }

    @Test
    void without_a_pooler_a_statement_run_often_is_prepared_on_the_server() throws SQLException {
        try (Database database = Database.connect(TestDatabase.fresh());
                Connection connection = database.dataSource().getConnection()) {
            try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM orders")) {
                for (int i = 0; i < 10; i++) {
                    try (ResultSet result = select.executeQuery()) {
                        assertThat(result.next()).isTrue();
                    }
                }
            }
            assertThat(single(connection, PREPARED_COUNTS)).isEqualTo("1");
        }
    }

    @Test
    void the_schema_is_migrated_over_the_direct_connection_only() throws SQLException {
        DatabaseSettings served = TestDatabase.fresh();
        DatabaseSettings direct = TestDatabase.fresh();

        try (Database database = Database.connect(served, new PoolerSettings(true, Optional.of(direct)), null)) {
            assertThat(database.isReachable()).isTrue();
        }

        assertThat(tableExists(direct, "flyway_schema_history")).isTrue();
        assertThat(tableExists(served, "flyway_schema_history")).isFalse();
    }

    @Test
    void a_direct_connection_that_does_not_answer_fails_the_start_naming_it() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DatabaseSettings nowhere = DatabaseSettings.fromUrl("postgresql://orders@127.0.0.1:" + closedPort + "/orders");

        assertThatThrownBy(() ->
                        Database.connect(TestDatabase.fresh(), new PoolerSettings(true, Optional.of(nowhere)), null))
                .isInstanceOf(DatabaseStartupException.class)
                .hasMessageStartingWith("cannot connect to the database at jdbc:postgresql://127.0.0.1:" + closedPort);
    }

    @Test
    void a_plan_setting_missing_from_the_role_and_the_database_is_reported_and_one_set_there_is_not()
            throws SQLException {
        DatabaseSettings settings = TestDatabase.fresh();
        PoolerSettings pooler = new PoolerSettings(true, Optional.of(settings));
        try (Database unset = Database.connect(settings, pooler, null)) {
            assertThat(Database.planCacheMode(unset.dataSource())).isEqualTo("auto");
        }
        assertThat(warnings()).singleElement().asString().contains("plan_cache_mode is 'auto'", "ALTER ROLE");

        logged.list.clear();
        try (Connection connection = TestDatabase.connect(settings);
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "ALTER DATABASE " + connection.getCatalog() + " SET plan_cache_mode = force_generic_plan");
        }
        try (Database set = Database.connect(settings, pooler, null)) {
            assertThat(Database.planCacheMode(set.dataSource())).isEqualTo("force_generic_plan");
        }
        assertThat(warnings()).isEmpty();
    }

    private List<String> warnings() {
        return logged.list.stream()
                .filter(event -> event.getLevel() == ch.qos.logback.classic.Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private static boolean tableExists(DatabaseSettings settings, String table) throws SQLException {
        try (Connection connection = TestDatabase.connect(settings)) {
            return single(connection, "SELECT count(*) FROM pg_tables WHERE tablename = '" + table + "'")
                    .equals("1");
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }
}
