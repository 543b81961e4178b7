package com.acme.orders.adapter.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.port.in.housekeeping.HousekeepingSummary;
import com.acme.orders.application.port.in.housekeeping.RemoveExpiredUseCase;
import com.acme.orders.application.port.in.processing.ProcessPendingOrdersUseCase;
import com.acme.orders.application.port.in.processing.ProcessingSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scheduler on Quartz's clustered JDBC job store in a real PostgreSQL, one fresh database per test. */
class OrderProcessingSchedulerTest {

    private static final ProcessingSummary NOTHING = new ProcessingSummary(0, 0, 0, Duration.ZERO);
    private static final HousekeepingSummary NOTHING_EXPIRED = new HousekeepingSummary(0, 0, Duration.ZERO);
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final Duration ONE_HOUR = Duration.ofHours(1);
    private static final String STORED_INTERVAL =
            "SELECT repeat_interval FROM qrtz_simple_triggers WHERE trigger_name = 'process-pending-orders-every-interval'";
    private static final String NEXT_FIRE_TIME =
            "SELECT next_fire_time FROM qrtz_triggers WHERE trigger_name = 'process-pending-orders-every-interval'";

    private final DataSource database = QuartzDatabase.fresh();
    private final List<Instant> runs = new CopyOnWriteArrayList<>();
    private final List<OrderProcessingScheduler> started = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeEveryScheduler() {
        started.forEach(OrderProcessingScheduler::close);
    }

    private OrderProcessingScheduler scheduler(Duration interval, ProcessPendingOrdersUseCase useCase) {
        return scheduler(new SchedulerSettings(interval, ONE_HOUR, true), useCase, () -> NOTHING_EXPIRED);
    }

    private OrderProcessingScheduler scheduler(
            SchedulerSettings settings, ProcessPendingOrdersUseCase useCase, RemoveExpiredUseCase housekeeping) {
        OrderProcessingScheduler scheduler = new OrderProcessingScheduler(
                useCase, housekeeping, database, settings, (from, to, summary) -> runs.add(from), Clock.systemUTC());
        started.add(scheduler);
        return scheduler;
    }

    private OrderProcessingScheduler scheduler(Duration interval) {
        return scheduler(interval, () -> NOTHING);
    }

    @Test
    void the_job_first_runs_one_interval_after_the_start_and_then_at_every_interval() throws Exception {
        Instant start = Instant.now();
        scheduler(ONE_SECOND).start();

        awaitRuns(3, Duration.ofSeconds(10));

        for (int run = 0; run < 3; run++) {
            assertThat(runs.get(run))
                    .as("run %d never comes early", run + 1)
                    .isAfterOrEqualTo(
                            start.plus(ONE_SECOND.multipliedBy(run + 1L)).minusMillis(50));
        }
    }

    @Test
    void a_restart_with_another_interval_replaces_the_stored_trigger() throws Exception {
        OrderProcessingScheduler hourly = scheduler(ONE_HOUR);
        hourly.start();
        hourly.close();
        assertThat(QuartzDatabase.queryLong(database, STORED_INTERVAL)).isEqualTo(ONE_HOUR.toMillis());

        scheduler(ONE_SECOND).start();

        assertThat(QuartzDatabase.queryLong(database, STORED_INTERVAL)).isEqualTo(ONE_SECOND.toMillis());
        awaitRuns(1, Duration.ofSeconds(10));
    }

    @Test
    void a_restart_with_the_same_interval_keeps_the_stored_trigger_and_its_next_run() {
        OrderProcessingScheduler first = scheduler(ONE_HOUR);
        first.start();
        first.close();
        long nextRun = QuartzDatabase.queryLong(database, NEXT_FIRE_TIME);

        scheduler(ONE_HOUR).start();

        assertThat(QuartzDatabase.queryLong(database, NEXT_FIRE_TIME)).isEqualTo(nextRun);
    }

    @Test
    void is_running_reflects_start_and_close() {
        OrderProcessingScheduler scheduler = scheduler(ONE_HOUR);
        assertThat(scheduler.isRunning()).as("before the start").isFalse();

        scheduler.start();
        assertThat(scheduler.isRunning()).as("started").isTrue();

        scheduler.close();
        assertThat(scheduler.isRunning()).as("closed").isFalse();
    }

    @Test
    void close_waits_for_a_running_job_to_finish() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        OrderProcessingScheduler scheduler = scheduler(ONE_SECOND, () -> {
            running.countDown();
            awaitQuietly(release);
            return NOTHING;
        });
        scheduler.start();
        assertThat(running.await(10, TimeUnit.SECONDS)).as("a run started").isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(scheduler::close);

        assertThat(completesWithin(closing, Duration.ofMillis(500)))
                .as("closed while the run goes on")
                .isFalse();
        assertThat(runs).as("the run has not finished").isEmpty();
        release.countDown();
        closing.get(10, TimeUnit.SECONDS);
        assertThat(runs).as("the run finished before close returned").hasSize(1);
    }

    @Test
    void housekeeping_runs_at_its_own_interval_and_a_failed_run_does_not_stop_the_next() throws Exception {
        List<Instant> housekeeping = new CopyOnWriteArrayList<>();
        Instant start = Instant.now();
        scheduler(new SchedulerSettings(ONE_HOUR, ONE_SECOND, true), () -> NOTHING, () -> {
                    housekeeping.add(Instant.now());
                    if (housekeeping.size() == 1) {
                        throw new IllegalStateException("the database went away");
                    }
                    return NOTHING_EXPIRED;
                })
                .start();

        Instant deadline = Instant.now().plusSeconds(10);
        while (housekeeping.size() < 3 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }

        assertThat(housekeeping).hasSizeGreaterThanOrEqualTo(3);
        assertThat(housekeeping.getFirst())
                .isAfterOrEqualTo(start.plus(ONE_SECOND).minusMillis(50));
        assertThat(runs).as("no processing run in the meantime").isEmpty();
        assertThat(QuartzDatabase.queryLong(
                        database,
                        "SELECT repeat_interval FROM qrtz_simple_triggers "
                                + "WHERE trigger_name = 'remove-expired-every-interval'"))
                .isEqualTo(ONE_SECOND.toMillis());
    }

    private void awaitRuns(int count, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (runs.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(runs).as("runs within %s", patience).hasSizeGreaterThanOrEqualTo(count);
    }

    private static boolean completesWithin(CompletableFuture<Void> future, Duration wait) throws Exception {
        try {
            future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException stillRunning) {
            return false;
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
