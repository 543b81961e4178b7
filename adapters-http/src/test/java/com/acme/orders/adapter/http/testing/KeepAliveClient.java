package com.acme.orders.adapter.http.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A keep-alive HTTP/1.1 connection on a raw socket, opened again when the server closes it, that times each answer
 * from its request's first byte to its last byte. Used from a platform thread, it is blocked in its socket's read and
 * the kernel wakes it when the answer arrives: no hand-over through another thread adds to the time measured, as an
 * HTTP client's selector thread or the poller of virtual threads would on a loaded machine. Shared with the
 * end-to-end tests.
 */
public final class KeepAliveClient implements AutoCloseable {

    private final int port;
    private Socket socket;
    private InputStream in;

    public KeepAliveClient(int port) {
        this.port = port;
    }

    /** Sends {@code request}, whole HTTP/1.1 bytes, and reads its answer; a failure is an outcome too. */
    public Outcome send(String request) {
        long started = System.nanoTime();
        try {
            if (socket == null) {
                socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
                in = new BufferedInputStream(socket.getInputStream());
            }
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String head = readLines(in, 2);
            int status = Integer.parseInt(head.substring(9, 12));
            String lower = head.toLowerCase(Locale.ROOT);
            String body = lower.contains("\r\ntransfer-encoding: chunked\r\n")
                    ? readChunks(in)
                    : new String(
                            in.readNBytes(Integer.parseInt(
                                    lower.replaceAll("(?s).*\r\ncontent-length: ([0-9]+)\r\n.*", "$1"))),
                            StandardCharsets.UTF_8);
            long took = System.nanoTime() - started;
            if (lower.contains("\r\nconnection: close\r\n")) {
                close();
            }
            return new Outcome(started, status, took, head, body, "");
        } catch (IOException | RuntimeException e) {
            close();
            return new Outcome(started, 0, System.nanoTime() - started, "", "", e.toString());
        }
    }

    /** Bytes up to and with the first {@code ends} CRLFs in a row: 2 for a head, 1 for a line. */
    private static String readLines(InputStream in, int ends) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        String end = "\r\n".repeat(ends);
        int matched = 0;
        while (matched < end.length()) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + read.size() + " bytes of an answer");
            }
            read.write(b);
            matched = b == end.charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return read.toString(StandardCharsets.US_ASCII);
    }

    private static String readChunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int size = Integer.parseInt(readLines(in, 1).strip(), 16);
            body.write(in.readNBytes(size));
            readLines(in, 1);
            if (size == 0) {
                return body.toString(StandardCharsets.UTF_8);
            }
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing left to read
            }
            socket = null;
        }
    }

    /**
     * One answer as a client saw it.
     *
     * @param at when its request was sent, {@link System#nanoTime}
     * @param nanos from the request's first byte sent to the answer's last byte read
     * @param failure what went wrong instead of an answer, or empty
     */
    public record Outcome(long at, int status, long nanos, String head, String body, String failure) {

        /** {@code 2xx}, {@code 503 problem with Retry-After}, or the status and what is wrong with it. */
        public String kind() {
            if (!failure.isEmpty()) {
                return "failed: " + failure;
            }
            if (status >= 200 && status < 300) {
                return "2xx";
            }
            String lower = head.toLowerCase(Locale.ROOT);
            if (status == 503
                    && lower.matches("(?s).*\r\nretry-after: [0-9]+\r\n.*")
                    && lower.contains("\r\ncontent-type: application/problem+json")
                    && body.contains("\"status\":503")) {
                return "503 problem with Retry-After";
            }
            return status + ": " + head + body;
        }
    }
}
