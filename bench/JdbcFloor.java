import java.sql.*;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.atomic.*;

/**
 * A reference point for scenario 1: pgjdbc alone, with the JVM and the driver the service uses but nothing else. Each of
 * THREADS threads (virtual by default, as the service's requests) holds its own connection and runs, in a loop, the
 * statements of one GET /orders (UserDao.TOKEN_VERSION, then OrderDao.FIND_PAGE with limit 21), server-prepared,
 * under the plan_cache_mode the service sets, reading every column. The gap from pgbench to this is the JVM driver's;
 * the gap from this to bench/BareList.java is HTTP's.
 *
 * <p>Run: {@code java -cp bootstrap/target/order-service.jar bench/JdbcFloor.java JDBC_URL USER_ID THREADS SECONDS
 * [virtual|platform]}. Prints, after 5 s of warm-up: {@code JDBC_RESULT threads=16 tps=R machine_cpu_ms=M
 * self_cpu_ms=S} (CPU time per transaction of the whole machine and of this process, from /proc)
 */
public class JdbcFloor {
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
    /** All CPU time of the machine but idle and iowait, in clock ticks (100 per second), as bench/run counts it. */
    static long machineTicks() throws Exception {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6]) + Long.parseLong(f[7]) + Long.parseLong(f[8]);
    }
    static long selfTicks() throws Exception {
        String s = Files.readString(Path.of("/proc/self/stat"));
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
    public static void main(String[] a) throws Exception {
        String url = a[0]; long uid = Long.parseLong(a[1]); int threads = Integer.parseInt(a[2]);
        double secs = Double.parseDouble(a[3]); boolean virtual = a.length <= 4 || !a[4].equals("platform");
        for (int round = 0; round < 2; round++) {
            AtomicLong n = new AtomicLong();
            long deadline = System.nanoTime() + (long) ((round == 0 ? 5 : secs) * 1e9);
            long m0 = machineTicks(), s0 = selfTicks(), t0 = System.nanoTime();
            List<Thread> ts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Runnable r = () -> {
                    try (Connection c = DriverManager.getConnection(url)) {
                        try (Statement s = c.createStatement()) { s.execute("SET plan_cache_mode = force_generic_plan"); }
                        PreparedStatement tok = c.prepareStatement(TOKEN), page = c.prepareStatement(PAGE);
                        while (System.nanoTime() < deadline) {
                            tok.setLong(1, uid);
                            try (ResultSet rs = tok.executeQuery()) { rs.next(); rs.getInt(1); }
                            page.setLong(1, uid); page.setLong(2, uid); page.setNull(3, Types.TIMESTAMP_WITH_TIMEZONE);
                            page.setNull(4, Types.BIGINT); page.setInt(5, 21);
                            try (ResultSet rs = page.executeQuery()) {
                                while (rs.next()) { rs.getLong(1); rs.getLong(2); rs.getLong(3); rs.getString(4); rs.getBigDecimal(5); rs.getString(6); rs.getObject(7, java.time.OffsetDateTime.class); rs.getObject(8, java.time.OffsetDateTime.class); }
                            }
                            n.incrementAndGet();
                        }
                    } catch (SQLException e) { throw new RuntimeException(e); }
                };
                ts.add(virtual ? Thread.ofVirtual().start(r) : Thread.ofPlatform().start(r));
            }
            for (Thread t : ts) t.join();
            double el = (System.nanoTime() - t0) / 1e9; long m1 = machineTicks(), s1 = selfTicks();
            if (round == 1) System.out.printf(Locale.ROOT, "JDBC_RESULT threads=%d %s tps=%.1f machine_cpu_ms=%.3f self_cpu_ms=%.3f%n",
                threads, virtual ? "virtual" : "platform", n.get() / el, (m1 - m0) * 10.0 / n.get(), (s1 - s0) * 10.0 / n.get());
        }
    }
}
