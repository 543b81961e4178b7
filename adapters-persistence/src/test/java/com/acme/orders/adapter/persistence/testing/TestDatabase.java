package com.acme.orders.adapter.persistence.testing;

import com.acme.orders.adapter.persistence.DatabaseSettings;
import com.acme.orders.adapter.persistence.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fresh, empty PostgreSQL databases for tests, on the server named by the environment variable
 * {@code TEST_DATABASE_URL} (either URL form of {@link DatabaseSettings#fromUrl}) when it is set, else on one
 * embedded PostgreSQL per JVM, started on first use in a temporary directory and stopped, and the directory deleted,
 * when the JVM exits. Pass the settings to {@code Database.connect}, which migrates the new database.
 */
public final class TestDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);
    private static final String URL_VARIABLE = "TEST_DATABASE_URL";
    private static final Pattern DATABASE_IN_JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?$");

    private TestDatabase() {}

    /**
     * The settings as one {@code DATABASE_URL} value (the JDBC form, with the credentials as query parameters), for
     * tests that start the service from its configuration.
     */
    public static String url(DatabaseSettings settings) {
        String url = settings.jdbcUrl();
        if (settings.username() != null) {
            url += (url.contains("?") ? "&" : "?") + "user=" + settings.username();
            if (settings.password() != null) {
                url += "&password=" + settings.password();
            }
        }
        return url;
    }

    /** Settings for a new, empty database, {@code test_<random>}, created on the test server. Thread-safe. */
    public static DatabaseSettings fresh() {
        DatabaseSettings server = Server.INSTANCE.settings;
        String name = "test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = connect(server);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException failure) {
            throw new IllegalStateException("cannot create the test database " + name + " on " + server, failure);
        }
        Server.INSTANCE.created(name);
        Matcher url = DATABASE_IN_JDBC_URL.matcher(server.jdbcUrl());
        if (!url.matches()) {
            throw new IllegalStateException(
                    URL_VARIABLE + " must name host and database, as in postgresql://user@host:5432/database");
        }
        String jdbcUrl = url.group(1) + name + (url.group(3) == null ? "" : url.group(3));
        return new DatabaseSettings(jdbcUrl, server.username(), server.password(), server.maximumPoolSize());
    }

    /** A plain JDBC connection to a test database, outside any pool: to look at rows or to break something. */
    public static Connection connect(DatabaseSettings settings) throws SQLException {
        Properties properties = new Properties();
        if (settings.username() != null) {
            properties.setProperty("user", settings.username());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        return DriverManager.getConnection(settings.jdbcUrl(), properties);
    }

    /** The server the test databases live on; made once, on first use (the holder idiom makes that thread-safe). */
    private static final class Server {

        static final Server INSTANCE = new Server();

        final DatabaseSettings settings;
        private final EmbeddedDatabase embedded;
        private final Path directory;
        private final List<String> databases = new ArrayList<>();

        private Server() {
            String url = System.getenv(URL_VARIABLE);
            if (url != null && !url.isBlank()) {
                settings = DatabaseSettings.fromUrl(url);
                embedded = null;
                directory = null;
            } else {
                try {
                    directory = Files.createTempDirectory("orders-test-pg");
                } catch (IOException failure) {
                    throw new UncheckedIOException(failure);
                }
                embedded = EmbeddedDatabase.start(directory.resolve("data"));
                settings = embedded.settings();
            }
            Runtime.getRuntime().addShutdownHook(new Thread(this::shutDown, "test-database-shutdown"));
        }

        synchronized void created(String name) {
            databases.add(name);
        }

        /** Embedded: stop it and delete its files. External server: drop the databases made here. */
        private void shutDown() {
            if (embedded != null) {
                embedded.close();
                deleteRecursively(directory);
                return;
            }
            List<String> names;
            synchronized (this) {
                names = List.copyOf(databases);
            }
            try (Connection connection = connect(settings);
                    Statement statement = connection.createStatement()) {
                for (String name : names) {
                    // FORCE (PostgreSQL 13+) ends sessions that tests left open
                    statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            } catch (SQLException failure) {
                LOG.warn("Could not drop every test database on {}: {}", settings, failure.getMessage());
            }
        }

        private static void deleteRecursively(Path root) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException failure) {
                LOG.warn("Could not delete {}: {}", root, failure.getMessage());
            }
        }
    }
}
