import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw bcrypt verification rate: the physical limit of POST /auth/login. Verifies one password against a hash of
 * the given cost on the given number of platform threads (default: every core) for the given seconds, after a
 * warm-up, with the same library, version and long-password strategy as the service's BcryptPasswordHasher.
 *
 * <p>Run: {@code java -cp bootstrap/target/order-service.jar bench/BcryptRate.java [cost] [threads] [seconds]}
 * Prints: {@code BCRYPT_RESULT cost=12 threads=2 verifications=N seconds=S per_s=R}
 */
public class BcryptRate {
    public static void main(String[] args) throws Exception {
        int cost = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 15;
        BCrypt.Version version = BCrypt.Version.VERSION_2A;
        byte[] password = "bench-password-1".getBytes(StandardCharsets.UTF_8);
        byte[] hash = BCrypt.with(version, new java.security.SecureRandom(), LongPasswordStrategies.strict(version))
                .hash(cost, password);
        BCrypt.Verifyer verifyer = BCrypt.verifyer(version, LongPasswordStrategies.strict(version));
        // warm-up: a few verifications per thread so that the JIT has compiled the Blowfish rounds
        run(verifyer, password, hash, threads, 3.0, new AtomicLong());
        AtomicLong count = new AtomicLong();
        long started = System.nanoTime();
        run(verifyer, password, hash, threads, seconds, count);
        double elapsed = (System.nanoTime() - started) / 1e9;
        System.out.printf(java.util.Locale.ROOT,
                "BCRYPT_RESULT cost=%d threads=%d verifications=%d seconds=%.3f per_s=%.2f%n",
                cost, threads, count.get(), elapsed, count.get() / elapsed);
    }

    /** Each thread verifies until the deadline; a verification started before it counts when it ends. */
    private static void run(BCrypt.Verifyer verifyer, byte[] password, byte[] hash, int threads, double seconds,
            AtomicLong count) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < deadline) {
                    if (!verifyer.verify(password, hash).verified) {
                        throw new IllegalStateException("verification failed");
                    }
                    count.incrementAndGet();
                }
            });
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }
}
