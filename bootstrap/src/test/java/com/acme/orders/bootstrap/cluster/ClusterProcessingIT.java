package com.acme.orders.bootstrap.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three instances of the service, each its own process, on one database with a one-second interval, while orders
 * arrive in waves and the busiest instance is stopped halfway: every order is processed exactly once, the others take
 * over, and no two runs ever overlap in time, whichever instance ran them.
 */
class ClusterProcessingIT {

    private static final int ORDERS = 20_000;
    private static final int WAVES = 10;

    @TempDir
    Path workDir;

    private static ServiceProcess busiest(List<ServiceProcess> instances) {
        return instances.stream()
                .max(Comparator.comparingLong(instance ->
                        instance.runs().stream().filter(run -> run.found() > 0).count()))
                .orElseThrow();
    }

    @Test
    void three_instances_process_every_order_exactly_once_and_never_run_at_the_same_time() throws Exception {
        try (ProcessingDatabase database = new ProcessingDatabase()) {
            Map<String, String> env = database.environment(
                    Map.of("ORDER_PROCESSING_INTERVAL_SECONDS", "1", "ORDER_PROCESSING_BATCH_SIZE", "500"));
            List<ServiceProcess> instances = new ArrayList<>();
            try {
                for (String name : List.of("a", "b", "c")) {
                    instances.add(ServiceProcess.start(name, workDir, env));
                }
                // Orders arrive in waves while the cluster runs, so that many runs share the work.
                // Halfway, the instance that has been winning the trigger is stopped: the others must take over.
                for (int wave = 0; wave < WAVES; wave++) {
                    if (wave == WAVES / 2) {
                        busiest(instances).close();
                    }
                    database.seedPendingOrders(ORDERS / WAVES);
                    Thread.sleep(700);
                }
                Instant deadline = Instant.now().plusSeconds(120);
                while (database.count("SELECT count(*) FROM orders WHERE status <> 'completed'") > 0
                        && Instant.now().isBefore(deadline)) {
                    Thread.sleep(250);
                }
                // let a few more (idle) runs happen, so overlaps of any kind of run would show
                Thread.sleep(3_000);
            } finally {
                instances.forEach(ServiceProcess::close);
            }

            assertThat(database.ordersNotProcessedExactlyOnce()).isZero();
            assertThat(database.count("SELECT count(*) FROM orders")).isEqualTo(ORDERS);

            List<ServiceProcess.Run> runs = new ArrayList<>();
            instances.forEach(instance -> runs.addAll(instance.runs()));
            runs.sort(Comparator.comparing(ServiceProcess.Run::started));
            runs.stream().filter(run -> run.found() > 0).forEach(run -> System.out.println("run " + run));
            System.out.println("runs per instance: "
                    + runs.stream()
                            .collect(java.util.stream.Collectors.groupingBy(
                                    ServiceProcess.Run::instance, java.util.stream.Collectors.counting())));
            assertThat(runs.stream()
                            .filter(run -> run.found() > 0)
                            .map(ServiceProcess.Run::instance)
                            .distinct()
                            .count())
                    .as("instances that processed orders")
                    .isGreaterThanOrEqualTo(2);
            assertThat(runs).as("runs logged by the instances").hasSizeGreaterThan(3);
            assertThat(runs.stream().mapToInt(ServiceProcess.Run::found).sum()).isEqualTo(ORDERS);
            for (int i = 1; i < runs.size(); i++) {
                ServiceProcess.Run previous = runs.get(i - 1);
                ServiceProcess.Run next = runs.get(i);
                assertThat(next.started())
                        .as("%s must start after %s ended", next, previous)
                        .isAfterOrEqualTo(previous.finished());
            }
        }
    }
}
