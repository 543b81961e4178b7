package com.acme.orders.adapter.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.acme.orders.application.port.in.processing.ProcessingSummary;
import com.acme.orders.application.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionException;
import org.slf4j.LoggerFactory;

/** The job is one call of the use case per run, reported to the listener and in one log line. */
class ProcessPendingOrdersJobTest {

    private static final Duration RUN_TAKES = Duration.ofMillis(40);

    private final MutableClock clock = MutableClock.atDefaultStart();
    private final Instant started = clock.instant();
    private final AtomicInteger calls = new AtomicInteger();
    private final List<Run> runs = new ArrayList<>();
    private final Logger jobLog = (Logger) LoggerFactory.getLogger(ProcessPendingOrdersJob.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    private record Run(Instant started, Instant finished, Optional<ProcessingSummary> summary) {}

    @BeforeEach
    void captureTheLog() {
        logged.start();
        jobLog.addAppender(logged);
        jobLog.setLevel(Level.DEBUG);
    }

    @AfterEach
    void releaseTheLog() {
        jobLog.detachAppender(logged);
        jobLog.setLevel(null);
    }

    /** A job whose use case takes {@link #RUN_TAKES} on the clock and then does what {@code run} does. */
    private ProcessPendingOrdersJob job(Supplier<ProcessingSummary> run) {
        return new ProcessPendingOrdersJob(
                () -> {
                    calls.incrementAndGet();
                    clock.advance(RUN_TAKES);
                    return run.get();
                },
                (from, to, result) -> runs.add(new Run(from, to, result)),
                clock);
    }

    @Test
    void a_run_calls_the_use_case_once_and_tells_the_listener_its_summary() throws JobExecutionException {
        ProcessingSummary summary = new ProcessingSummary(3, 3, 1, RUN_TAKES);

        job(() -> summary).execute(null);

        assertThat(calls).hasValue(1);
        assertThat(runs).containsExactly(new Run(started, started.plus(RUN_TAKES), Optional.of(summary)));
        assertThat(logged.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.INFO);
            assertThat(line.getFormattedMessage())
                    .isEqualTo("Order processing run: found=3 completed=3 resumed=1 took=40ms");
        });
    }

    @Test
    void a_run_with_nothing_to_do_is_logged_at_debug() throws JobExecutionException {
        job(() -> new ProcessingSummary(0, 0, 0, RUN_TAKES)).execute(null);

        assertThat(calls).hasValue(1);
        assertThat(runs)
                .singleElement()
                .satisfies(run -> assertThat(run.summary()).isPresent());
        assertThat(logged.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(line.getFormattedMessage()).isEqualTo("Order processing run: nothing to do (40 ms)");
        });
    }

    @Test
    void a_failed_run_tells_the_listener_of_no_summary_and_is_not_refired_at_once() {
        IllegalStateException failure = new IllegalStateException("the database went away");
        ProcessPendingOrdersJob job = job(() -> {
            throw failure;
        });

        JobExecutionException thrown = catchThrowableOfType(JobExecutionException.class, () -> job.execute(null));

        assertThat(calls).hasValue(1);
        assertThat(thrown.getCause()).isSameAs(failure);
        assertThat(thrown.refireImmediately()).isFalse();
        assertThat(runs).containsExactly(new Run(started, started.plus(RUN_TAKES), Optional.empty()));
        assertThat(logged.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.ERROR);
            assertThat(line.getFormattedMessage())
                    .isEqualTo("Order processing run failed; a later run takes over what it left");
            assertThat(line.getThrowableProxy().getMessage()).isEqualTo("the database went away");
        });
    }
}
