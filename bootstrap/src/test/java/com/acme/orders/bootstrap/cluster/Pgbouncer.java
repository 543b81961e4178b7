package com.acme.orders.bootstrap.cluster;

import com.acme.orders.adapter.persistence.DatabaseSettings;
import com.acme.orders.bootstrap.e2e.ExternalCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * PgBouncer in transaction mode in front of one test database, on a free loopback port: clients are trusted, and
 * PgBouncer logs in to PostgreSQL with the test server's credentials. pgjdbc's {@code extra_float_digits} startup
 * parameter is ignored, as {@code docs/deployment.md} says: PgBouncer refuses a startup parameter it does not know.
 * Without the {@code pgbouncer} program the calling test is skipped, naming it.
 */
final class Pgbouncer implements AutoCloseable {

    private static final Pattern JDBC_URL = Pattern.compile("^jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+).*$");

    private final ExternalServer server;
    private final int port;
    private final String database;
    private final String user;

    private Pgbouncer(ExternalServer server, int port, String database, String user) {
        this.server = server;
        this.port = port;
        this.database = database;
        this.user = user;
    }

    static Pgbouncer start(Path work, DatabaseSettings direct, int serverConnections) throws IOException {
        Path pgbouncer = ExternalCommand.systemTool("pgbouncer", "pgbouncer");
        Matcher url = JDBC_URL.matcher(direct.jdbcUrl());
        if (!url.matches()) {
            throw new IllegalArgumentException("not a test database URL: " + direct.jdbcUrl());
        }
        String database = url.group(3);
        String user = direct.username() != null ? direct.username() : System.getProperty("user.name");
        String server = "host=" + url.group(1) + " port=" + (url.group(2) == null ? "5432" : url.group(2))
                + " dbname=" + database + " user=" + user
                + (direct.password() == null ? "" : " password=" + direct.password());
        int port = ExternalServer.freePort();
        Path users = writeReadable(work.resolve("pgbouncer-users.txt"), "\"" + user + "\" \"\"\n");
        Path config = writeReadable(
                work.resolve("pgbouncer.ini"), """
                [databases]
                %s = %s

                [pgbouncer]
                listen_addr = 127.0.0.1
                listen_port = %d
                unix_socket_dir =
                auth_type = trust
                auth_file = %s
                pool_mode = transaction
                default_pool_size = %d
                max_client_conn = 200
                ignore_startup_parameters = extra_float_digits
                """.formatted(database, server, port, users, serverConnections));
        List<String> command = new ArrayList<>(List.of(pgbouncer.toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("-u", "nobody")); // PgBouncer refuses to run as root
        }
        command.add(config.toString());
        return new Pgbouncer(ExternalServer.start("pgbouncer", work, command, port), port, database, user);
    }

    /** The JDBC URL of the database through PgBouncer, the user as a parameter. */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + user;
    }

    String database() {
        return database;
    }

    String logText() {
        return server.logText();
    }

    @Override
    public void close() {
        server.close();
    }

    /** {@code target/<name>}, emptied, for a test's generated configuration and its processes' logs. */
    static Path workDirectory(String name) throws IOException {
        Path jar = Path.of(System.getProperty("orderService.jar", "target/order-service.jar"));
        Path work = jar.toAbsolutePath().getParent().resolve(name);
        if (Files.exists(work)) {
            try (Stream<Path> old = Files.walk(work)) {
                old.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(work);
        return work;
    }

    /** A file that PgBouncer, which drops root for {@code nobody}, and HAProxy can read. */
    static Path writeReadable(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }
}
