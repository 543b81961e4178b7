package com.acme.orders.adapter.scheduler;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.quartz.impl.jdbcjobstore.JobStoreTX;

/**
 * Fresh databases holding Quartz's tables, on one embedded PostgreSQL per JVM (stopped, and its files deleted, when
 * the JVM exits). The tables come from the DDL inside the Quartz jar, the script the service's migration is taken
 * from: what the job store expects of the Quartz version on the class path.
 */
final class QuartzDatabase {

    private static final String TEMPLATE = "quartz_template";
    private static final AtomicInteger created = new AtomicInteger();

    private QuartzDatabase() {}

    /** A new database with Quartz's tables and no rows. Thread-safe. */
    static DataSource fresh() {
        String name = "quartz_" + created.incrementAndGet();
        execute(Server.POSTGRES.getPostgresDatabase(), "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return Server.POSTGRES.getDatabase("postgres", name);
    }

    static void execute(DataSource database, String sql) {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql, e);
        }
    }

    static long queryLong(DataSource database, String sql) {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            if (!row.next()) {
                throw new IllegalStateException("no row from " + sql);
            }
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql, e);
        }
    }

    /** The server, started on first use with the template database every test database copies. */
    private static final class Server {

        static final EmbeddedPostgres POSTGRES = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.start();
                execute(postgres.getPostgresDatabase(), "CREATE DATABASE " + TEMPLATE);
                execute(postgres.getDatabase("postgres", TEMPLATE), quartzTables());
                return postgres;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
        }

        private static String quartzTables() throws IOException {
            try (InputStream script =
                    JobStoreTX.class.getResourceAsStream("/org/quartz/impl/jdbcjobstore/tables_postgres.sql")) {
                if (script == null) {
                    throw new IllegalStateException("the Quartz jar holds no tables_postgres.sql");
                }
                return new String(script.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
