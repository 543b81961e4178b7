package com.acme.orders.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.adapter.persistence.testing.TestDatabase;
import com.acme.orders.domain.user.UserId;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    @Test
    void a_live_database_is_reachable_and_a_closed_one_is_not() {
        Database database = Database.connect(TestDatabase.fresh());
        assertThat(database.isReachable()).isTrue();

        database.close();

        assertThat(database.isReachable()).isFalse();
        database.close();
    }

    @Test
    void connecting_again_to_a_migrated_database_keeps_its_data() {
        DatabaseSettings settings = TestDatabase.fresh();
        UserId id;
        try (Database first = Database.connect(settings)) {
            id = first.users().nextId();
        }
        try (Database second = Database.connect(settings)) {
            assertThat(second.users().nextId().value()).isGreaterThan(id.value());
        }
    }

    @Test
    void both_pools_publish_their_metrics_tagged_with_the_pool_name() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (Database database = Database.connect(TestDatabase.fresh(), meters);
                HikariDataSource quartz = database.dedicatedPool("quartz", 2)) {
            assertThat(meters.find("hikaricp.connections.max")
                            .tag("pool", "orders")
                            .gauge())
                    .isNotNull();
            assertThat(meters.find("hikaricp.connections.max")
                            .tag("pool", "quartz")
                            .gauge()
                            .value())
                    .isEqualTo(2.0);
            assertThat(quartz.isClosed()).isFalse();
        }
    }

    @Test
    void every_connection_of_both_pools_plans_a_prepared_statement_once() throws SQLException {
        try (Database database = Database.connect(TestDatabase.fresh());
                HikariDataSource quartz = database.dedicatedPool("quartz", 1)) {
            for (DataSource pool : List.of(database.dataSource(), quartz)) {
                try (Connection connection = pool.getConnection();
                        Statement statement = connection.createStatement();
                        ResultSet mode = statement.executeQuery("SHOW plan_cache_mode")) {
                    assertThat(mode.next()).isTrue();
                    assertThat(mode.getString(1)).isEqualTo("force_generic_plan");
                }
            }
        }
    }

    @Test
    void a_server_that_does_not_answer_fails_the_start_with_a_message_and_no_password() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DatabaseSettings nowhere =
                DatabaseSettings.fromUrl("postgresql://orders:hunter2secret@127.0.0.1:" + closedPort + "/orders");

        assertThatThrownBy(() -> Database.connect(nowhere))
                .isInstanceOf(DatabaseStartupException.class)
                .hasMessageStartingWith("cannot connect to the database at jdbc:postgresql://127.0.0.1:" + closedPort)
                .message()
                .doesNotContain("hunter2secret");
    }
}
