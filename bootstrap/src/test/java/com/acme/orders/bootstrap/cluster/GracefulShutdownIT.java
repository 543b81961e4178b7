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
            ServiceProcess service = ServiceProcess.start("terminated", workDir, database.environment(Map.of(
                    "SHUTDOWN_DRAIN_SECONDS", "1")));
            service.close(); // SIGTERM, then waits for the process to end

            assertThat(service.exitCode()).as("exit code after SIGTERM").isZero();
            assertThat(service.logText())
                    .contains("Order service stopping")
                    .contains("Order service stopped");
        }
    }
}
