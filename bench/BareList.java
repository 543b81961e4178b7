import com.zaxxer.hikari.*;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import com.fasterxml.jackson.databind.*;
import java.sql.*;
import java.util.*;
import java.time.OffsetDateTime;
import java.math.BigDecimal;

/**
 * A reference point for scenario 1, not a service: the bare stack the architecture prescribes (Javalin on virtual
 * threads, HikariCP, pgjdbc, Jackson), answering {@code GET /orders?limit=20} with the service's two statements
 * (UserDao.TOKEN_VERSION, then OrderDao.FIND_PAGE with limit + 1 = 21) and the same JSON fields. It has none of the
 * service's own work: no token verification (any Authorization header passes), no JDBI, no domain objects, no access
 * log, metrics, request id, security headers or signed cursor. What it reaches is about the best any service on this
 * stack can do; bench/floors measures it side by side with pgbench and the service.
 *
 * <p>Run: {@code java -cp bootstrap/target/order-service.jar bench/BareList.java JDBC_URL USER_ID POOL_SIZE PORT}
 */
public class BareList {
    record O(long id, long userId, String productName, BigDecimal amount, String status, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
    record Page(List<O> orders, long total, String nextCursor) {}
    static final String TOKEN = "SELECT token_version FROM users WHERE id = ?";
    static final String PAGE = """
        SELECT t.total, p.id, p.user_id, p.product_name, p.amount, p.status, p.created_at, p.updated_at
        FROM (SELECT count(*) AS total FROM orders WHERE user_id = ?) AS t
        LEFT JOIN (
            SELECT id, user_id, product_name, amount, status, created_at, updated_at
            FROM orders
            WHERE user_id = ?
              AND (created_at, id) < (COALESCE(?::timestamptz, 'infinity'::timestamptz),
                                      COALESCE(?::bigint, 9223372036854775807))
            ORDER BY created_at DESC, id DESC
            LIMIT ?
        ) AS p ON true
        ORDER BY p.created_at DESC, p.id DESC""";
    public static void main(String[] a) throws Exception {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(a[0]); c.setMaximumPoolSize(Integer.parseInt(a[2]));
        c.setConnectionInitSql("SET plan_cache_mode = force_generic_plan");
        HikariDataSource ds = new HikariDataSource(c);
        long uid = Long.parseLong(a[1]);
        ObjectMapper m = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        Javalin app = Javalin.create(cfg -> {
            cfg.concurrency.useVirtualThreads = true;
            cfg.jsonMapper(new JavalinJackson(m, true));
            cfg.jetty.port = Integer.parseInt(a[3]);
            cfg.routes.get("/orders", ctx -> {
                String auth = ctx.header("Authorization");
                if (auth == null) { ctx.status(401); return; }
                int version;
                try (Connection cn = ds.getConnection(); PreparedStatement ps = cn.prepareStatement(TOKEN)) {
                    ps.setLong(1, uid);
                    try (ResultSet rs = ps.executeQuery()) { rs.next(); version = rs.getInt(1); }
                }
                List<O> list = new ArrayList<>(21); long total = 0;
                try (Connection cn = ds.getConnection(); PreparedStatement ps = cn.prepareStatement(PAGE)) {
                    ps.setLong(1, uid); ps.setLong(2, uid); ps.setNull(3, Types.TIMESTAMP_WITH_TIMEZONE); ps.setNull(4, Types.BIGINT); ps.setInt(5, 21);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) { total = rs.getLong(1); list.add(new O(rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getBigDecimal(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class))); }
                    }
                }
                String next = list.size() > 20 ? "after-" + list.get(19).id() + "-v" + version : null;
                ctx.json(new Page(list.subList(0, Math.min(20, list.size())), total, next));
            });
            cfg.routes.get("/health/ready", ctx -> ctx.result("ok"));
        });
        app.start();
    }
}
