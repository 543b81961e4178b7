package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The buffered standard output: what is written when, into a captured stream standing for standard output. */
class BufferedStdoutAppenderTest {

    private final LoggerContext context = new LoggerContext();
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final PrintStream sink = new PrintStream(written, true, StandardCharsets.UTF_8);
    private final Logger logger = context.getLogger("test");

    private BufferedStdoutAppender appender(long flushMillis) {
        return appender(flushMillis, sink);
    }

    private BufferedStdoutAppender appender(long flushMillis, PrintStream sink) {
        context.setMDCAdapter(new LogbackMDCAdapter());
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %msg%n");
        encoder.start();
        BufferedStdoutAppender appender = new BufferedStdoutAppender(sink);
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setFlushMillis(flushMillis);
        appender.start();
        logger.addAppender(appender);
        logger.setAdditive(false);
        return appender;
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private String written() {
        return written.toString(StandardCharsets.UTF_8);
    }

    @Test
    void an_information_line_waits_in_the_buffer_until_the_interval_has_passed() throws Exception {
        appender(300);
        Instant logged = Instant.now();
        logger.info("one");
        logger.info("two");
        assertThat(written()).as("written at once").isEmpty();

        while (written().isEmpty() && Duration.between(logged, Instant.now()).toSeconds() < 10) {
            Thread.sleep(10);
        }
        assertThat(written()).isEqualTo("INFO one\nINFO two\n");
        assertThat(Duration.between(logged, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    @Test
    void a_warning_is_written_at_once_after_the_lines_before_it() {
        appender(60_000);
        logger.info("before");
        logger.warn("careful");
        assertThat(written()).isEqualTo("INFO before\nWARN careful\n");
        logger.error("broken");
        assertThat(written()).endsWith("WARN careful\nERROR broken\n");
    }

    @Test
    void stopping_writes_out_the_buffer_and_leaves_standard_output_open() {
        BufferedStdoutAppender appender = appender(60_000);
        logger.info("last words");
        appender.stop();

        assertThat(written()).isEqualTo("INFO last words\n");
        sink.print("still open");
        assertThat(sink.checkError()).isFalse();
        assertThat(written()).endsWith("still open");
    }

    @Test
    void more_than_the_buffer_holds_is_written_without_waiting() {
        appender(60_000);
        String line = "x".repeat(1_000);
        for (int i = 0; i < 100; i++) {
            logger.info(line);
        }
        // the buffer is written out as soon as it holds 64 KiB
        assertThat(written().length()).isBetween(64 * 1024, 64 * 1024 + line.length() + 1);
    }

    @Test
    void a_line_is_logged_while_a_batch_is_being_written() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        OutputStream slow = new OutputStream() {
            @Override
            public void write(int b) {
                written.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                writing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                written.write(bytes, offset, length);
            }
        };
        BufferedStdoutAppender appender = appender(60_000, new PrintStream(slow, true, StandardCharsets.UTF_8));
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<?> warning = threads.submit(() -> logger.warn("first"));
            assertThat(writing.await(10, TimeUnit.SECONDS))
                    .as("the warning's batch is being written")
                    .isTrue();

            Future<?> line = threads.submit(() -> logger.info("second"));
            line.get(10, TimeUnit.SECONDS);
            assertThat(warning).isNotDone();

            release.countDown();
            warning.get(10, TimeUnit.SECONDS);
        }
        appender.stop();
        assertThat(written()).isEqualTo("WARN first\nINFO second\n");
    }

    @Test
    void an_interval_that_is_not_positive_is_refused() {
        BufferedStdoutAppender appender = appender(0);
        assertThat(appender.isStarted()).isFalse();
    }
}
