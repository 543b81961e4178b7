package com.acme.orders.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @TempDir
    Path temporary;

    @Test
    void data_survives_a_restart_on_the_same_directory_without_a_second_initdb() throws SQLException {
        Path directory = temporary.resolve("postgres");
        String systemIdentifier;
        try (EmbeddedDatabase first = EmbeddedDatabase.start(directory)) {
            execute(first, "CREATE TABLE kept (note TEXT)");
            execute(first, "INSERT INTO kept VALUES ('still here')");
            systemIdentifier = query(first, "SELECT system_identifier FROM pg_control_system()");
        }

        try (EmbeddedDatabase second = EmbeddedDatabase.start(directory)) {
            assertThat(query(second, "SELECT note FROM kept")).isEqualTo("still here");
            // initdb gives every cluster a new identifier: the same one means the cluster was reused
            assertThat(query(second, "SELECT system_identifier FROM pg_control_system()"))
                    .isEqualTo(systemIdentifier);
        }
    }

    @Test
    void commits_are_durable_once_acknowledged() throws SQLException {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(temporary.resolve("postgres"))) {
            assertThat(query(database, "SHOW synchronous_commit")).isEqualTo("on");
        }
    }

    @Test
    void a_directory_in_use_is_refused_and_its_server_keeps_running() throws SQLException {
        Path directory = temporary.resolve("postgres");
        try (EmbeddedDatabase running = EmbeddedDatabase.start(directory)) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(directory))
                    .isInstanceOf(DatabaseStartupException.class)
                    .hasMessageContaining(directory.toString());

            assertThat(query(running, "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void a_directory_with_other_files_is_refused_untouched() throws IOException {
        Path directory = Files.createDirectories(temporary.resolve("shared"));
        Files.writeString(directory.resolve("secret.key"), "not a database");

        assertThatThrownBy(() -> EmbeddedDatabase.start(directory))
                .isInstanceOf(DatabaseStartupException.class)
                .hasMessageContaining("a directory of its own");
        try (Stream<Path> entries = Files.list(directory)) {
            assertThat(entries).containsExactly(directory.resolve("secret.key"));
        }
    }

    @Test
    void its_settings_connect_to_the_postgres_database_and_migrate() {
        try (EmbeddedDatabase embedded = EmbeddedDatabase.start(temporary.resolve("postgres"));
                Database database = Database.connect(embedded.settings())) {
            assertThat(embedded.port()).isPositive();
            assertThat(embedded.settings().jdbcUrl()).endsWith(":" + embedded.port() + "/postgres");
            assertThat(database.isReachable()).isTrue();
        }
    }

    private static void execute(EmbeddedDatabase database, String sql) throws SQLException {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(EmbeddedDatabase database, String sql) throws SQLException {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }

    private static Connection connect(EmbeddedDatabase database) throws SQLException {
        DatabaseSettings settings = database.settings();
        return DriverManager.getConnection(settings.jdbcUrl(), settings.username(), settings.password());
    }
}
