import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two reference points for scenario 1 (GET /orders?limit=20), measured by bench/floors side by side with pgbench and
 * the service. Both run the service's own two statements, read from its DAOs in the jar (UserDao.TOKEN_VERSION, then
 * OrderDao.FIND_PAGE with limit + 1 = 21 and no cursor), server-prepared, under the plan_cache_mode the service sets.
 * <ul>
 *   <li>{@code jdbc}: pgjdbc alone. THREADS threads (virtual by default, as the service's requests) each hold a
 *       connection and run the two statements in a loop. No HTTP, no pool, no JDBI: the gap from pgbench to this is
 *       the JVM driver's. Prints, after 5 s of warm-up, {@code JDBC_RESULT threads=16 virtual tps=R
 *       machine_cpu_ms=M self_cpu_ms=S} (CPU time per transaction of the machine and of this process, from /proc).
 *   <li>{@code http}: the bare stack the architecture prescribes (Javalin on virtual threads, HikariCP, pgjdbc,
 *       Jackson) answering {@code GET /orders} with the same statements and JSON fields, and nothing else: any
 *       Authorization header passes, and there is no JDBI, no domain objects, no access log, metrics, request id,
 *       security headers or signed cursor. What it reaches is about the best any service on this stack can do.
 * </ul>
 *
 * <p>Run: {@code java -cp bootstrap/target/order-service.jar bench/ListFloors.java jdbc JDBC_URL USER_ID THREADS
 * SECONDS [virtual|platform]} or {@code ... bench/ListFloors.java http JDBC_URL USER_ID POOL_SIZE PORT}
 */
public class ListFloors {
    record Order(long id, long userId, String productName, BigDecimal amount, String status, OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }

    record Page(List<Order> orders, long total, String nextCursor) {
    }

    static final int LIMIT = 20;
    static final String TOKEN_VERSION = positional(serviceSql("UserDao", "TOKEN_VERSION"));
    static final String FIND_PAGE = positional(serviceSql("OrderDao", "FIND_PAGE"));

    public static void main(String[] a) throws Exception {
        switch (a[0]) {
            case "jdbc" -> jdbc(a[1], Long.parseLong(a[2]), Integer.parseInt(a[3]), Double.parseDouble(a[4]),
                    a.length <= 5 || !a[5].equals("platform"));
            case "http" -> http(a[1], Long.parseLong(a[2]), Integer.parseInt(a[3]), Integer.parseInt(a[4]));
            default -> throw new IllegalArgumentException("mode must be jdbc or http, got " + a[0]);
        }
    }

    /** A statement constant of one of the service's (package-private) DAO interfaces. */
    static String serviceSql(String dao, String constant) {
        try {
            var field = Class.forName("com.acme.orders.adapter.persistence." + dao).getField(constant);
            field.setAccessible(true);
            return (String) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + dao + "." + constant + " from the jar", e);
        }
    }

    /** JDBI's named parameters ({@code :ownerId}, not casts like {@code ::timestamptz}) as JDBC's {@code ?}. */
    static String positional(String sql) {
        return Pattern.compile("(?<!:):[A-Za-z]\\w*").matcher(sql).replaceAll(Matcher.quoteReplacement("?"));
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

    /** FIND_PAGE's parameters in order: ownerId, ownerId, afterCreatedAt, afterId, limit. */
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
                    orders.add(new Order(rows.getLong(2), rows.getLong(3), rows.getString(4), rows.getBigDecimal(5),
                            rows.getString(6), rows.getObject(7, OffsetDateTime.class),
                            rows.getObject(8, OffsetDateTime.class)));
                }
            }
        }
        String next = orders.size() > LIMIT ? "after-" + orders.get(LIMIT - 1).id() + "-v" + tokenVersion : null;
        return new Page(orders.subList(0, Math.min(LIMIT, orders.size())), total, next);
    }

    static void jdbc(String url, long userId, int threads, double seconds, boolean virtual) throws Exception {
        for (int round = 0; round < 2; round++) {
            AtomicLong done = new AtomicLong();
            long deadline = System.nanoTime() + (long) ((round == 0 ? 5 : seconds) * 1e9);
            long machine0 = machineTicks(), self0 = selfTicks(), started = System.nanoTime();
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Runnable loop = () -> {
                    try (Connection connection = DriverManager.getConnection(url)) {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("SET plan_cache_mode = force_generic_plan");
                        }
                        while (System.nanoTime() < deadline) {
                            firstPage(connection, userId, tokenVersion(connection, userId));
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
                System.out.printf(Locale.ROOT, "JDBC_RESULT threads=%d %s tps=%.1f machine_cpu_ms=%.3f "
                        + "self_cpu_ms=%.3f%n", threads, virtual ? "virtual" : "platform", n / elapsed,
                        (machine1 - machine0) * 10.0 / n, (self1 - self0) * 10.0 / n);
            }
        }
    }

    static void http(String url, long userId, int poolSize, int port) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(poolSize);
        config.setConnectionInitSql("SET plan_cache_mode = force_generic_plan");
        HikariDataSource pool = new HikariDataSource(config);
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        Javalin.create(app -> {
            app.concurrency.useVirtualThreads = true;
            app.jsonMapper(new JavalinJackson(mapper, true));
            app.jetty.port = port;
            app.routes.get("/orders", ctx -> {
                if (ctx.header("Authorization") == null) {
                    ctx.status(401);
                    return;
                }
                // one borrow per statement, as the service does
                int version;
                try (Connection connection = pool.getConnection()) {
                    version = tokenVersion(connection, userId);
                }
                Page page;
                try (Connection connection = pool.getConnection()) {
                    page = firstPage(connection, userId, version);
                }
                ctx.json(page);
            });
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
