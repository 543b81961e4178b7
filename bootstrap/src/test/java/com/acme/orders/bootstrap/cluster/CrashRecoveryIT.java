package com.acme.orders.bootstrap.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An instance killed with SIGKILL between the job's two commits leaves its batch in processing; another instance
 * finishes it once the lease has passed, and nothing is processed twice.
 */
class CrashRecoveryIT {

    @TempDir
    Path workDir;

    @Test
    void orders_left_in_processing_by_a_killed_instance_are_completed_by_another() throws Exception {
        try (ProcessingDatabase database = new ProcessingDatabase()) {
            database.seedPendingOrders(2_000);
            // Test-only fault: the job's second statement (processing -> completed) hangs, so the first instance is
            // certainly killed after its first commit and before its second.
            database.execute("""
                    CREATE FUNCTION test_hang_on_completion() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN PERFORM pg_sleep(600); RETURN NEW; END $$;
                    CREATE TRIGGER test_hang_on_completion BEFORE UPDATE ON orders FOR EACH ROW
                    WHEN (NEW.status = 'completed') EXECUTE FUNCTION test_hang_on_completion();
                    """);
            ServiceProcess crashing = ServiceProcess.start(
                    "crashing",
                    workDir,
                    database.environment(
                            Map.of("ORDER_PROCESSING_INTERVAL_SECONDS", "1", "ORDER_PROCESSING_BATCH_SIZE", "1000")));
            try {
                awaitCount(database, "SELECT count(*) FROM orders WHERE status = 'processing'", 1_000);
                awaitCount(database, "SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'", 1);
            } finally {
                crashing.kill();
            }
            // The dead instance's backend would sleep on; end it, as a server would after its client vanished.
            database.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE wait_event = 'PgSleep'");
            database.execute("DROP TRIGGER test_hang_on_completion ON orders");
            awaitCount(database, "SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'", 0);
            assertThat(database.count("SELECT count(*) FROM orders WHERE status = 'processing'"))
                    .as("orders the killed instance left in processing")
                    .isEqualTo(1_000);

            try (ServiceProcess survivor = ServiceProcess.start(
                    "survivor",
                    workDir,
                    database.environment(
                            Map.of("ORDER_PROCESSING_INTERVAL_SECONDS", "1", "ORDER_PROCESSING_LEASE_SECONDS", "1")))) {
                awaitCount(database, "SELECT count(*) FROM orders WHERE status <> 'completed'", 0);
                Thread.sleep(500);
                assertThat(survivor.runs().stream()
                                .mapToInt(ServiceProcess.Run::resumed)
                                .sum())
                        .isEqualTo(1_000);
                assertThat(survivor.runs().stream()
                                .mapToInt(ServiceProcess.Run::found)
                                .sum())
                        .isEqualTo(1_000);
            }
            assertThat(database.ordersNotProcessedExactlyOnce()).isZero();
        }
    }

    private static void awaitCount(ProcessingDatabase database, String sql, long expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        long actual = database.count(sql);
        while (actual != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            actual = database.count(sql);
        }
        assertThat(actual).as(sql).isEqualTo(expected);
    }
}
