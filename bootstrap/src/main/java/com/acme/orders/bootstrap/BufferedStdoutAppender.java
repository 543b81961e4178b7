package com.acme.orders.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Standard output through a buffer, written out once it holds 64 KiB, at most {@code flushMillis} (100) after a
 * line, at once after a warning or an error, and when logging stops: one {@code write} for many lines instead of one
 * for every line, which was the largest part of an access log line's cost. The lines keep their order: all go
 * through the one buffer, and its contents are handed to standard output one batch at a time. A batch is taken out
 * of the buffer under the appender's lock and written after it is released, so a request logging a line never waits
 * for a write. What a process killed with {@code SIGKILL} loses is at most the last interval's information lines;
 * its warnings and errors are already written. {@link Main} stops logging last on shutdown.
 */
public final class BufferedStdoutAppender extends OutputStreamAppender<ILoggingEvent> {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final PrintStream sink;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(BUFFER_BYTES);
    /** Held while a batch is taken out and written, so that batches reach standard output in the order taken. */
    private final ReentrantLock writing = new ReentrantLock();

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
        setOutputStream(new IntoBuffer());
        super.start();
        flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "log-flush");
            thread.setDaemon(true);
            return thread;
        });
        // flush() cannot fail (standard output records its own errors), so the schedule's future never holds one
        var unused = flusher.scheduleWithFixedDelay(this::flush, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void subAppend(ILoggingEvent event) {
        super.subAppend(event);
        if (event.getLevel().isGreaterOrEqual(Level.WARN) || buffer.size() >= BUFFER_BYTES) {
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
        writing.lock();
        try {
            byte[] batch;
            streamWriteLock.lock();
            try {
                batch = buffer.toByteArray();
                buffer.reset();
            } finally {
                streamWriteLock.unlock();
            }
            if (batch.length > 0) {
                sink.write(batch, 0, batch.length);
                sink.flush();
            }
        } finally {
            writing.unlock();
        }
    }

    /** What the appender writes, under its lock, goes into the buffer; closing it leaves standard output open. */
    private final class IntoBuffer extends OutputStream {
        @Override
        public void write(int b) {
            buffer.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            buffer.write(bytes, offset, length);
        }
    }
}
