package com.acme.orders.adapter.password;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import com.acme.orders.application.port.out.PasswordHasher;
import com.acme.orders.domain.user.Password;
import com.acme.orders.domain.user.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * bcrypt on a bounded pool of platform threads.
 *
 * <p>A bcrypt hash at cost 12 keeps a core busy for about a quarter of a second and never yields. Run on the
 * request's virtual thread it would pin one of the few carrier threads and stall every other request; here the
 * request's virtual thread parks while a pool thread works, so at most {@code threads} cores do bcrypt at any time.
 * When {@code queueCapacity} hashes already wait, the next one is refused with
 * {@link java.util.concurrent.RejectedExecutionException} instead of queueing without bound.
 *
 * <p>Passwords are 72 bytes at most (the domain refuses longer ones); the strict strategy makes sure nothing is ever
 * silently truncated should that rule change.
 */
public final class BcryptPasswordHasher implements PasswordHasher, AutoCloseable {

    public static final int MIN_COST = 4;
    public static final int MAX_COST = 31;
    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2A;
    /** The sizes of bcrypt's salt and of the digest it stores (the first 23 bytes of its 24-byte output). */
    private static final int SALT_BYTES = 16;

    private static final int DIGEST_BYTES = 23;

    private final int cost;
    private final BCrypt.Hasher hasher;
    private final BCrypt.Verifyer verifyer;
    private final ThreadPoolExecutor pool;
    private final PasswordHash decoy;

    public BcryptPasswordHasher(BcryptSettings settings) {
        this(settings.cost(), settings.threads(), settings.queueCapacity());
    }

    public BcryptPasswordHasher(int cost, int threads, int queueCapacity) {
        if (cost < MIN_COST || cost > MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must be between 4 and 31, got " + cost);
        }
        this.cost = cost;
        this.hasher = BCrypt.with(VERSION, new SecureRandom(), LongPasswordStrategies.strict(VERSION));
        this.verifyer = BCrypt.verifyer(VERSION, LongPasswordStrategies.strict(VERSION));
        AtomicInteger counter = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                threads,
                threads,
                0L,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity),
                runnable -> {
                    Thread thread = new Thread(runnable, "bcrypt-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
        this.decoy = decoy(cost);
    }

    /**
     * A well-formed hash at {@code cost} that no password matches, made without hashing anything. Verifying a
     * password runs bcrypt's whole key schedule, set by the cost and the salt alone, and only then compares the
     * result with the stored digest; so a random salt and a random digest cost a verification exactly as much as a
     * real hash does, and a password matches with a chance of 2^-184. Hashing a random password instead took a
     * cost-12 hash (about 0.3 s of a core, and the JIT's compilation of bcrypt) out of every start-up.
     */
    private static PasswordHash decoy(int cost) {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[SALT_BYTES];
        byte[] digest = new byte[DIGEST_BYTES];
        random.nextBytes(salt);
        random.nextBytes(digest);
        byte[] encoded = VERSION.formatter.createHashMessage(new BCrypt.HashData(cost, VERSION, salt, digest));
        return new PasswordHash(new String(encoded, StandardCharsets.US_ASCII));
    }

    public int cost() {
        return cost;
    }

    @Override
    public PasswordHash hash(Password password) {
        return onPool(
                () -> new PasswordHash(new String(hasher.hash(cost, password.utf8Bytes()), StandardCharsets.US_ASCII)));
    }

    @Override
    public boolean matches(Password candidate, PasswordHash hash) {
        byte[] encoded = hash.value().getBytes(StandardCharsets.US_ASCII);
        return onPool(() -> verifyer.verify(candidate.utf8Bytes(), encoded).verified);
    }

    @Override
    public PasswordHash decoy() {
        return decoy;
    }

    private <T> T onPool(Supplier<T> work) {
        return await(CompletableFuture.supplyAsync(work, pool));
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for bcrypt", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("bcrypt failed", e.getCause());
        }
    }

    /** The most pool threads that ever ran at once; never more than configured. */
    int largestPoolSize() {
        return pool.getLargestPoolSize();
    }

    /** How many hashes and verifications the pool has finished. */
    long completedHashes() {
        return pool.getCompletedTaskCount();
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
