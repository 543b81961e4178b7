import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import com.acme.orders.adapter.persistence.Database;
import com.acme.orders.adapter.persistence.DatabaseSettings;
import com.acme.orders.application.port.out.AttemptLimit;
import com.acme.orders.application.port.out.AttemptLimiter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * What the log-in limits add to a log-in, next to what the log-in costs anyway: one call of the service's own
 * AttemptLimiter (Bucket4j on PostgreSQL, the service's pool settings) against one bcrypt verification at the given
 * cost, both on one thread, median and p99. A log-in makes two limiter calls (its address, its account) and a third
 * when it succeeds (the account's count forgotten); a registration makes one.
 *
 * <p>The limiter runs in a database of its own, {@code bench_throttle_<random>}, created on the server of the URL
 * (whose database it connects to first) and dropped at the end, migrated as the service migrates its own.
 *
 * <p>Run: {@code java -cp bootstrap/target/order-service.jar bench/ThrottleCost.java [url] [cost] [calls]}, url
 * default {@code postgresql://postgres@127.0.0.1:5432/postgres}, cost 12, calls 5000. Prints {@code THROTTLE_RESULT}
 * lines: the attempt on keys in rotation (every one allowed, as for distinct clients), the forget, the attempt on one
 * key from 8 threads at once (its row lock taken in turn, as under an attack from one address), and bcrypt.
 */
public class ThrottleCost {

    private static final AttemptLimit PER_ADDRESS = new AttemptLimit(20, Duration.ofMinutes(1));
    private static final int KEYS = 10_000;
    private static final int CONTENDING_THREADS = 8;

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "postgresql://postgres@127.0.0.1:5432/postgres";
        int cost = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        DatabaseSettings server = DatabaseSettings.fromUrl(url);
        String name = "bench_throttle_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(server, "CREATE DATABASE " + name);
        try {
            DatabaseSettings settings = new DatabaseSettings(
                    server.jdbcUrl().replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"),
                    server.username(),
                    server.password(),
                    10);
            try (Database database = Database.connect(settings)) {
                AttemptLimiter limiter = database.attemptLimiter(Clock.systemUTC());
                String run = UUID.randomUUID().toString().substring(0, 8);
                IntConsumer attempt = i -> limiter.tryAttempt("address:" + run + ":" + (i % KEYS), PER_ADDRESS);
                time(attempt, 2_000); // warm-up: the JIT, the pool's connections, the rows of every key
                print("attempt", time(attempt, calls));
                print("forget", forgetAfterAttempt(limiter, "account:" + run + ":", calls));
                print("attempt_one_key_8_threads", contended(limiter, calls));
            }
        } finally {
            execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
        print("bcrypt_cost_" + cost, bcrypt(cost, Math.max(20, Math.min(200, calls / 100))));
    }

    /** Nanoseconds of each of {@code calls} sequential calls. */
    private static long[] time(IntConsumer call, int calls) {
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.accept(i);
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    /** The forget of a successful log-in: of a count its attempt has just stored (the attempt is not timed). */
    private static long[] forgetAfterAttempt(AttemptLimiter limiter, String prefix, int calls) {
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            limiter.tryAttempt(prefix + i, PER_ADDRESS);
            long start = System.nanoTime();
            limiter.forget(prefix + i, PER_ADDRESS);
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    private static long[] contended(AttemptLimiter limiter, int calls) throws Exception {
        String key = "address:contended:" + UUID.randomUUID();
        int perThread = calls / CONTENDING_THREADS;
        List<Future<long[]>> threads = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(CONTENDING_THREADS)) {
            for (int t = 0; t < CONTENDING_THREADS; t++) {
                threads.add(pool.submit(() -> time(i -> limiter.tryAttempt(key, PER_ADDRESS), perThread)));
            }
            long[] all = new long[perThread * CONTENDING_THREADS];
            for (int t = 0; t < CONTENDING_THREADS; t++) {
                System.arraycopy(threads.get(t).get(), 0, all, t * perThread, perThread);
            }
            return all;
        }
    }

    private static long[] bcrypt(int cost, int verifications) {
        BCrypt.Version version = BCrypt.Version.VERSION_2A;
        byte[] password = "bench-password-1".getBytes(StandardCharsets.UTF_8);
        byte[] hash = BCrypt.with(version, new java.security.SecureRandom(), LongPasswordStrategies.strict(version))
                .hash(cost, password);
        BCrypt.Verifyer verifyer = BCrypt.verifyer(version, LongPasswordStrategies.strict(version));
        for (int i = 0; i < 3; i++) {
            verifyer.verify(password, hash);
        }
        return time(i -> verifyer.verify(password, hash), verifications);
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "THROTTLE_RESULT %s calls=%d median_ms=%.3f p99_ms=%.3f max_ms=%.3f%n",
                what,
                sorted.length,
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    private static void execute(DatabaseSettings server, String sql) throws Exception {
        Properties properties = new Properties();
        if (server.username() != null) {
            properties.setProperty("user", server.username());
        }
        if (server.password() != null) {
            properties.setProperty("password", server.password());
        }
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), properties);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
