package com.acme.orders.adapter.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.acme.orders.domain.user.Password;
import com.acme.orders.domain.user.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BcryptPasswordHasherTest {

    private final BcryptPasswordHasher hasher = new BcryptPasswordHasher(4, 2, 100);

    @AfterEach
    void close() {
        hasher.close();
    }

    @Test
    void a_hash_is_bcrypt_at_the_configured_cost_and_never_the_password() {
        PasswordHash hash = hasher.hash(new Password("securepass123"));

        assertThat(hash.value()).startsWith("$2a$04$").hasSize(60).doesNotContain("securepass123");
    }

    @Test
    void the_right_password_matches_and_a_wrong_one_does_not() {
        PasswordHash hash = hasher.hash(new Password("securepass123"));

        assertThat(hasher.matches(new Password("securepass123"), hash)).isTrue();
        assertThat(hasher.matches(new Password("securepass124"), hash)).isFalse();
    }

    @Test
    void the_same_password_hashes_differently_each_time() {
        Password password = new Password("securepass123");

        assertThat(hasher.hash(password)).isNotEqualTo(hasher.hash(password));
    }

    @Test
    void a_72_byte_password_is_used_whole() {
        String base = "a".repeat(71);
        PasswordHash hash = hasher.hash(new Password(base + "b"));

        assertThat(hasher.matches(new Password(base + "c"), hash)).isFalse();
    }

    @Test
    void the_decoy_is_a_well_formed_hash_at_the_same_cost_that_no_guess_matches() throws Exception {
        PasswordHash decoy = hasher.decoy();

        assertThat(decoy.value()).startsWith("$2a$04$").hasSize(60);
        BCrypt.HashData parsed =
                BCrypt.Version.VERSION_2A.parser.parse(decoy.value().getBytes(StandardCharsets.US_ASCII));
        assertThat(parsed.cost).isEqualTo(4);
        assertThat(parsed.rawSalt).hasSize(16);
        assertThat(hasher.matches(new Password("securepass123"), decoy)).isFalse();
    }

    @Test
    void a_verification_against_the_decoy_is_a_real_bcrypt_verification() {
        // the verifier hashes the candidate with the decoy's salt and cost before it compares: the same work as for a
        // real hash (LoginTimingEndToEndTest measures it end to end); here, that the library accepts it as a hash
        BCrypt.Result result = BCrypt.verifyer(BCrypt.Version.VERSION_2A)
                .verify("securepass123".toCharArray(), hasher.decoy().value());

        assertThat(result.validFormat).isTrue();
        assertThat(result.verified).isFalse();
        assertThat(result.details.cost).isEqualTo(4);
    }

    @Test
    void each_hasher_makes_a_decoy_of_its_own() {
        try (BcryptPasswordHasher other = new BcryptPasswordHasher(4, 1, 1)) {
            assertThat(other.decoy()).isNotEqualTo(hasher.decoy());
        }
    }

    @Test
    void concurrent_hashes_never_use_more_threads_than_configured() throws Exception {
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<PasswordHash>> hashes = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                hashes.add(CompletableFuture.supplyAsync(() -> hasher.hash(new Password("securepass123")), callers));
            }
            for (CompletableFuture<PasswordHash> hash : hashes) {
                assertThat(hash.get().value()).startsWith("$2a$04$");
            }
        }
        assertThat(hasher.largestPoolSize()).isBetween(1, 2);
        // a pool thread counts its task as completed just after the task has handed its result over
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (hasher.completedHashes() < 16 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(hasher.completedHashes()).isGreaterThanOrEqualTo(16);
    }

    @Test
    void when_the_queue_is_full_further_work_is_refused_rather_than_queued_without_bound() {
        try (BcryptPasswordHasher slow = new BcryptPasswordHasher(14, 1, 1)) {
            AtomicInteger refused = new AtomicInteger();
            try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 6; i++) {
                    callers.execute(() -> {
                        try {
                            slow.hash(new Password("securepass123"));
                        } catch (RejectedExecutionException e) {
                            refused.incrementAndGet();
                        }
                    });
                }
                callers.shutdownNow();
            }
            assertThat(refused.get()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void a_cost_outside_bcrypts_range_is_refused() {
        assertThatThrownBy(() -> new BcryptPasswordHasher(3, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BcryptPasswordHasher(32, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
