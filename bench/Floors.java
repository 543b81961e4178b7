import com.acme.orders.domain.order.Actor;
import com.acme.orders.domain.order.OrderStatus;
import com.acme.orders.domain.order.StatusChange;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.json.JavalinJackson;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;
import org.jdbi.v3.postgres.PostgresPlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two reference points for scenarios 1 to 3 (the list, GET by id, POST), measured by bench/floors side by side with
 * pgbench and the service. Both run the statements pgbench runs, read from bench/pgbench/*.sql (the service's own,
 * which BenchStatementsTest holds them to), server-prepared, under the session setting of the service's pools
 * (bench/pgbench/session.sql), with the values the service binds and its domain's status and actor codes:
 * <ul>
 *   <li>list: UserDao.TOKEN_VERSION, then OrderDao.FIND_PAGE with limit + 1 = 21 and no cursor;
 *   <li>get: UserDao.TOKEN_VERSION, then OrderDao.FIND_BY_ID, one of the user's order ids;
 *   <li>post: UserDao.TOKEN_VERSION, OrderDao.NEXT_ID, then OrderDao.INSERT_WITH_FIRST_CHANGE.
 * </ul>
 * The two modes:
 * <ul>
 *   <li>{@code jdbc SCENARIO}: pgjdbc alone. THREADS threads (virtual by default, as the service's requests) each hold
 *       a connection and run the scenario's statements in a loop. No HTTP, no pool, no JDBI: the gap from pgbench to
 *       this is the JVM driver's. Prints, after 5 s of warm-up, {@code JDBC_RESULT scenario=list threads=16 virtual
 *       tps=R machine_cpu_ms=M self_cpu_ms=S} (CPU time per transaction of the machine and of this process, from
 *       /proc).
 *   <li>{@code http}: the bare stack the architecture prescribes (Javalin on virtual threads, HikariCP, pgjdbc,
 *       Jackson) answering {@code GET /orders}, {@code GET /orders/{id}} and {@code POST /orders} with the same
 *       statements, one pool borrow per statement as the service, and the same JSON fields, and nothing else: the
 *       bearer value is not a JWT but {@code bare-<user id>-} padded to a real token's length (bench/floors writes
 *       them), and there is no JDBI, no domain objects, no validation beyond Jackson's, no access log, metrics,
 *       request id, security headers or signed cursor. What it reaches is about the best any service on this stack
 *       can do. Its {@code GET /ping} answers {@code ok} with no database and no JSON: the HTTP exchange alone.
 *   <li>{@code http ... jdbi}: the same, with every statement run through JDBI 3's fluent API (a handle per
 *       borrow, positional binds, a row mapper), the persistence library the architecture prescribes: the bare stack
 *       with everything the architecture names, so that the gap from it to the service is the service's own code.
 * </ul>
 *
 * <p>Run from the repository's root: {@code java -cp bootstrap/target/order-service.jar bench/Floors.java jdbc
 * list|get|post JDBC_URL USER_IDS THREADS SECONDS [virtual|platform]} or {@code ... bench/Floors.java http JDBC_URL
 * POOL_SIZE PORT [jdbi]}. USER_IDS is one id, or a range {@code first-last} (post rotates over it; list and get take the
 * first).
 */
public class Floors {
    record Order(long id, long userId, String productName, BigDecimal amount, String status, OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }

    record Page(List<Order> orders, long total, String nextCursor) {
    }

    record NewOrder(String productName, BigDecimal amount) {
    }

    /** A statement of a pgbench script for JDBC: its variables as {@code ?}, their names in order. */
    record Sql(String text, List<String> variables) {
        static final Pattern VARIABLE = Pattern.compile("(?<!:):([A-Za-z_]\\w*)");

        static Sql of(String statement) {
            List<String> variables = new ArrayList<>();
            Matcher found = VARIABLE.matcher(statement);
            while (found.find()) {
                variables.add(found.group(1));
            }
            return new Sql(found.replaceAll("?"), List.copyOf(variables));
        }

        /** This statement, if its variables are the ones the caller binds, in that order. */
        Sql binding(String... expected) {
            if (!variables.equals(List.of(expected))) {
                throw new IllegalStateException("expected the variables " + List.of(expected) + " in " + text);
            }
            return this;
        }
    }

    /** The SQL statements of bench/pgbench/NAME in order: comment and meta-command lines left out, \gset ends one. */
    static List<Sql> script(String name) {
        try {
            String text = Files.readString(Path.of("bench", "pgbench", name));
            return Arrays.stream(text.replaceAll("(?m)^(--|\\\\).*$", "").replace("\\gset", ";").split(";"))
                    .filter(statement -> !statement.isBlank())
                    .map(statement -> Sql.of(statement.strip()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final int LIMIT = 20;
    static final String TOKEN_VERSION = script("list.sql").get(0).binding("list_uid").text();
    static final String FIND_PAGE =
            script("list.sql").get(1).binding("list_uid", "list_uid", "afterCreatedAt", "afterId", "limit").text();
    static final String FIND_BY_ID = script("get.sql").get(1).binding("oid").text();
    static final String NEXT_ID = script("post.sql").get(1).binding().text();
    static final String INSERT = script("post.sql").get(2).binding("nextval", "uid", "productName", "amount", "status",
            "createdAt", "updatedAt", "toStatus", "at", "actor", "sequence").text();
    /** The session setting of the service's pools ({@code plan_cache_mode}), so that both plan as the service does. */
    static final String SESSION_SETTING = script("session.sql").get(0).binding().text();
    static final String PENDING = OrderStatus.PENDING.code();
    static final Pattern BARE_TOKEN = Pattern.compile("Bearer bare-(\\d+)-x*");

    public static void main(String[] a) throws Exception {
        switch (a[0]) {
            case "jdbc" -> jdbc(a[1], a[2], a[3], Integer.parseInt(a[4]), Double.parseDouble(a[5]),
                    a.length <= 6 || !a[6].equals("platform"));
            case "http" -> http(a[1], Integer.parseInt(a[2]), Integer.parseInt(a[3]),
                    a.length > 4 && a[4].equals("jdbi"));
            default -> throw new IllegalArgumentException("mode must be jdbc or http, got " + a[0]);
        }
    }

    static int tokenVersion(Connection connection, long userId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TOKEN_VERSION)) {
            statement.setLong(1, userId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    static Order order(ResultSet rows, int first) throws SQLException {
        return new Order(rows.getLong(first), rows.getLong(first + 1), rows.getString(first + 2),
                rows.getBigDecimal(first + 3), rows.getString(first + 4),
                rows.getObject(first + 5, OffsetDateTime.class), rows.getObject(first + 6, OffsetDateTime.class));
    }

    /** FIND_PAGE's parameters in order: the owner twice, no cursor (two nulls), the limit. */
    static Page firstPage(Connection connection, long userId, int tokenVersion) throws SQLException {
        List<Order> orders = new ArrayList<>(LIMIT + 1);
        long total = 0;
        try (PreparedStatement statement = connection.prepareStatement(FIND_PAGE)) {
            statement.setLong(1, userId);
            statement.setLong(2, userId);
            statement.setNull(3, Types.TIMESTAMP_WITH_TIMEZONE);
            statement.setNull(4, Types.BIGINT);
            statement.setInt(5, LIMIT + 1);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    total = rows.getLong(1);
                    orders.add(order(rows, 2));
                }
            }
        }
        String next = orders.size() > LIMIT ? "after-" + orders.get(LIMIT - 1).id() + "-v" + tokenVersion : null;
        return new Page(orders.subList(0, Math.min(LIMIT, orders.size())), total, next);
    }

    static Order byId(Connection connection, long orderId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FIND_BY_ID)) {
            statement.setLong(1, orderId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? order(rows, 1) : null;
            }
        }
    }

    // The same statements through JDBI's fluent API, bound and mapped as the service's repositories do: what the
    // persistence library the architecture prescribes adds to each statement.

    static int tokenVersion(Handle handle, long userId) {
        return handle.createQuery(TOKEN_VERSION).bind(0, userId).mapTo(Integer.class).one();
    }

    static Page firstPage(Handle handle, long userId, int tokenVersion) {
        long[] total = {0};
        List<Order> orders = handle.createQuery(FIND_PAGE)
                .bind(0, userId)
                .bind(1, userId)
                .bindNull(2, Types.TIMESTAMP_WITH_TIMEZONE)
                .bindNull(3, Types.BIGINT)
                .bind(4, LIMIT + 1)
                .map((rows, context) -> {
                    total[0] = rows.getLong(1);
                    return order(rows, 2);
                })
                .list();
        String next = orders.size() > LIMIT ? "after-" + orders.get(LIMIT - 1).id() + "-v" + tokenVersion : null;
        return new Page(orders.subList(0, Math.min(LIMIT, orders.size())), total[0], next);
    }

    static Order byId(Handle handle, long orderId) {
        return handle.createQuery(FIND_BY_ID)
                .bind(0, orderId)
                .map((rows, context) -> order(rows, 1))
                .findOne()
                .orElse(null);
    }

    static long nextId(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(NEXT_ID);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * INSERT's parameters in the order of {@link #INSERT}'s binding (the script writes the placement's null origin as
     * NULL); the instants are {@code now}, the service's clock's, in milliseconds.
     */
    static List<Object> insertValues(long id, long userId, NewOrder placed, OffsetDateTime now) {
        return List.of(id, userId, placed.productName(), placed.amount(), PENDING, now, now, PENDING, now,
                Actor.USER.code(), StatusChange.placement(now.toInstant()).sequence());
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    static Order insert(Connection connection, long id, long userId, NewOrder placed) throws SQLException {
        OffsetDateTime now = now();
        List<Object> values = insertValues(id, userId, placed, now);
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            statement.executeUpdate();
        }
        return new Order(id, userId, placed.productName(), placed.amount(), PENDING, now, now);
    }

    static long nextId(Handle handle) {
        return handle.createQuery(NEXT_ID).mapTo(Long.class).one();
    }

    /** {@link #insert(Connection, long, long, NewOrder)} through JDBI, bound by position. */
    static Order insert(Handle handle, long id, long userId, NewOrder placed) {
        OffsetDateTime now = now();
        List<Object> values = insertValues(id, userId, placed, now);
        Update update = handle.createUpdate(INSERT);
        for (int i = 0; i < values.size(); i++) {
            update.bind(i, values.get(i));
        }
        update.execute();
        return new Order(id, userId, placed.productName(), placed.amount(), PENDING, now, now);
    }

    static final NewOrder BENCH_ITEM = new NewOrder("Bench item", new BigDecimal("19.99"));

    static void jdbc(String scenario, String url, String userIds, int threads, double seconds, boolean virtual)
            throws Exception {
        long firstUser = Long.parseLong(userIds.split("-")[0]);
        long lastUser = Long.parseLong(userIds.contains("-") ? userIds.split("-")[1] : userIds);
        List<Long> orderIds = new ArrayList<>();
        if (scenario.equals("get")) {
            try (Connection connection = DriverManager.getConnection(url);
                    PreparedStatement statement = connection.prepareStatement(
                            "SELECT id FROM orders WHERE user_id = ? ORDER BY id")) {
                statement.setLong(1, firstUser);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        orderIds.add(rows.getLong(1));
                    }
                }
            }
        }
        for (int round = 0; round < 2; round++) {
            AtomicLong done = new AtomicLong();
            long deadline = System.nanoTime() + (long) ((round == 0 ? 5 : seconds) * 1e9);
            long machine0 = machineTicks(), self0 = selfTicks(), started = System.nanoTime();
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Runnable loop = () -> {
                    try (Connection connection = DriverManager.getConnection(url)) {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute(SESSION_SETTING);
                        }
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        while (System.nanoTime() < deadline) {
                            switch (scenario) {
                                case "list" -> firstPage(connection, firstUser, tokenVersion(connection, firstUser));
                                case "get" -> {
                                    tokenVersion(connection, firstUser);
                                    byId(connection, orderIds.get(random.nextInt(orderIds.size())));
                                }
                                case "post" -> {
                                    long user = random.nextLong(firstUser, lastUser + 1);
                                    tokenVersion(connection, user);
                                    insert(connection, nextId(connection), user, BENCH_ITEM);
                                }
                                default -> throw new IllegalArgumentException("no scenario " + scenario);
                            }
                            done.incrementAndGet();
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                };
                workers.add(virtual ? Thread.ofVirtual().start(loop) : Thread.ofPlatform().start(loop));
            }
            for (Thread worker : workers) {
                worker.join();
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            long machine1 = machineTicks(), self1 = selfTicks(), n = done.get();
            if (round == 1) {
                System.out.printf(Locale.ROOT, "JDBC_RESULT scenario=%s threads=%d %s tps=%.1f machine_cpu_ms=%.3f "
                        + "self_cpu_ms=%.3f%n", scenario, threads, virtual ? "virtual" : "platform", n / elapsed,
                        (machine1 - machine0) * 10.0 / n, (self1 - self0) * 10.0 / n);
            }
        }
    }

    /** The caller named by a bare token; 401 for anything else (wrk sends only bare tokens). */
    static long caller(Context ctx) {
        String authorization = ctx.header("Authorization");
        Matcher bare = authorization == null ? null : BARE_TOKEN.matcher(authorization);
        if (bare == null || !bare.matches()) {
            throw new UnauthorizedResponse();
        }
        return Long.parseLong(bare.group(1));
    }

    /**
     * One borrow of a connection for one statement: a pool connection by hand, or (over JDBI) a {@link Handle} of
     * {@code Jdbi.withHandle}, as the service's repositories borrow one.
     */
    interface Borrow {
        <T> T with(Statements<T> statements) throws SQLException;
    }

    interface Statements<T> {
        T run(Connection connection, Handle handle) throws SQLException;
    }

    static void http(String url, int poolSize, int port, boolean overJdbi) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(poolSize);
        config.setConnectionInitSql(SESSION_SETTING);
        HikariDataSource pool = new HikariDataSource(config);
        Jdbi jdbi = Jdbi.create(pool).installPlugin(new PostgresPlugin());
        Borrow borrow = new Borrow() {
            @Override
            public <T> T with(Statements<T> statements) throws SQLException {
                if (overJdbi) {
                    return jdbi.withHandle(handle -> statements.run(null, handle));
                }
                try (Connection connection = pool.getConnection()) {
                    return statements.run(connection, null);
                }
            }
        };
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        Javalin.create(app -> {
            app.concurrency.useVirtualThreads = true;
            app.jsonMapper(new JavalinJackson(mapper, true));
            app.jetty.port = port;
            // one borrow per statement, as the service does
            app.routes.get("/orders", ctx -> {
                long user = caller(ctx);
                int version = borrow.with((connection, handle) -> handle == null
                        ? tokenVersion(connection, user) : tokenVersion(handle, user));
                ctx.json(borrow.with((connection, handle) -> handle == null
                        ? firstPage(connection, user, version) : firstPage(handle, user, version)));
            });
            app.routes.get("/orders/{id}", ctx -> {
                long user = caller(ctx);
                long id = Long.parseLong(ctx.pathParam("id"));
                borrow.with((connection, handle) -> handle == null
                        ? tokenVersion(connection, user) : tokenVersion(handle, user));
                Order order = borrow.with((connection, handle) -> handle == null
                        ? byId(connection, id) : byId(handle, id));
                if (order == null || order.userId() != user) {
                    ctx.status(404);
                    return;
                }
                ctx.json(order);
            });
            app.routes.post("/orders", ctx -> {
                long user = caller(ctx);
                NewOrder placed = ctx.bodyAsClass(NewOrder.class);
                borrow.with((connection, handle) -> handle == null
                        ? tokenVersion(connection, user) : tokenVersion(handle, user));
                long id = borrow.with((connection, handle) -> handle == null ? nextId(connection) : nextId(handle));
                Order order = borrow.with((connection, handle) -> handle == null
                        ? insert(connection, id, user, placed) : insert(handle, id, user, placed));
                ctx.status(201).header("Location", "/orders/" + id).json(order);
            });
            // the HTTP exchange alone: no database, no JSON (bench/wrk/ping.lua)
            app.routes.get("/ping", ctx -> ctx.result("ok"));
            app.routes.get("/health/ready", ctx -> ctx.result("ok"));
        }).start();
    }

    /** All CPU time of the machine but idle and iowait, in clock ticks (100 per second), as bench/run counts it. */
    static long machineTicks() throws Exception {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                + Long.parseLong(f[7]) + Long.parseLong(f[8]);
    }

    static long selfTicks() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
