package com.acme.orders.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Standard output through a buffer, written out when it fills, at most {@code flushMillis} (100) after a line, at
 * once after a warning or an error, and when logging stops: one {@code write} for many lines instead of one for
 * every line, which was the largest part of an access log line's cost. The lines keep their order, since all go
 * through the one buffer. What a process killed with {@code SIGKILL} loses is at most the last interval's
 * information lines; its warnings and errors are already written. {@link Main} stops logging last on shutdown.
 */
public final class BufferedStdoutAppender extends OutputStreamAppender<ILoggingEvent> {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final PrintStream sink;
    private long flushMillis = 100;
    private ScheduledExecutorService flusher;

    public BufferedStdoutAppender() {
        this(System.out);
    }

    BufferedStdoutAppender(PrintStream sink) {
        this.sink = sink;
    }

    /** The longest a line waits in the buffer, in milliseconds; from the configuration's {@code <flushMillis>}. */
    public void setFlushMillis(long flushMillis) {
        this.flushMillis = flushMillis;
    }

    @Override
    public void start() {
        if (flushMillis <= 0) {
            addError("flushMillis must be positive, got " + flushMillis);
            return;
        }
        setImmediateFlush(false);
        setOutputStream(new BufferedOutputStream(new KeptOpen(sink), BUFFER_BYTES));
        super.start();
        flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "log-flush");
            thread.setDaemon(true);
            return thread;
        });
        // flush() reports its own failures, so the schedule's future never holds one
        var unused = flusher.scheduleWithFixedDelay(this::flush, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void subAppend(ILoggingEvent event) {
        super.subAppend(event);
        if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
            flush();
        }
    }

    @Override
    public void stop() {
        if (flusher != null) {
            flusher.shutdownNow();
        }
        flush();
        super.stop();
    }

    /** Writes out what the buffer holds. */
    void flush() {
        streamWriteLock.lock();
        try {
            OutputStream out = getOutputStream();
            if (out != null) {
                out.flush();
            }
        } catch (IOException e) {
            addError("could not write the log to standard output", e);
        } finally {
            streamWriteLock.unlock();
        }
    }

    /** Standard output is the process's, not the appender's: stopping flushes it and leaves it open. */
    private static final class KeptOpen extends FilterOutputStream {
        KeptOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
