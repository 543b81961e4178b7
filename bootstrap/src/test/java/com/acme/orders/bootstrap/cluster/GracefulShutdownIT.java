package com.acme.orders.bootstrap.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM, as an orchestrator sends it: the service stops in order and exits with 0. */
class GracefulShutdownIT {

    @TempDir
    Path workDir;

    @Test
    void sigterm_stops_the_service_in_order_and_exits_0() throws Exception {
        try (ProcessingDatabase database = new ProcessingDatabase()) {
            ServiceProcess service = ServiceProcess.start(
                    "terminated", workDir, database.environment(Map.of("SHUTDOWN_DRAIN_SECONDS", "1")));
            service.close(); // SIGTERM, then waits for the process to end

            assertThat(service.exitCode()).as("exit code after SIGTERM").isZero();
            assertThat(service.logText()).contains("Order service stopping").contains("Order service stopped");
        }
    }

    @Test
    void sigterm_during_a_processing_run_lets_the_run_finish_before_exiting_0() throws Exception {
        try (ProcessingDatabase database = new ProcessingDatabase()) {
            database.seedPendingOrders(100);
            // Test-only slowness: every UPDATE statement on orders takes 3 s, so a run lasts about 6 s.
            database.execute("""
                    CREATE FUNCTION test_slow_update() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN PERFORM pg_sleep(3); RETURN NULL; END $$;
                    CREATE TRIGGER test_slow_update BEFORE UPDATE ON orders FOR EACH STATEMENT
                    EXECUTE FUNCTION test_slow_update();
                    """);
            ServiceProcess service = ServiceProcess.start(
                    "stopped-mid-run",
                    workDir,
                    database.environment(
                            Map.of("ORDER_PROCESSING_INTERVAL_SECONDS", "1", "SHUTDOWN_DRAIN_SECONDS", "0")));
            java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
            while (database.count("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'") == 0
                    && java.time.Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertThat(database.count("SELECT count(*) FROM orders WHERE status = 'completed'"))
                    .as("completed when SIGTERM is sent")
                    .isZero();

            service.close(); // SIGTERM while the run is in its first statement

            assertThat(service.exitCode()).isZero();
            assertThat(database.ordersNotProcessedExactlyOnce())
                    .as("orders not completed by the run")
                    .isZero();
            String log = service.logText();
            assertThat(log.indexOf("Order processing run: found=100 completed=100"))
                    .as("the run's summary comes before the service stops")
                    .isPositive()
                    .isLessThan(log.indexOf("Order service stopped"));
        }
    }
}
