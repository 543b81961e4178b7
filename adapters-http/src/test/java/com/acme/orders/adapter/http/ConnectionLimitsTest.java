package com.acme.orders.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The bounds on a connection, over raw sockets: a request that trickles in is cut at the request read deadline,
 * answered 408 problem+json where an answer can still be read, while other clients keep their latency; an idle
 * connection is closed at the idle timeout; beyond the connection limit the listener stops accepting.
 */
class ConnectionLimitsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(1);
    private static final Duration IDLE = Duration.ofMillis(1_500);
    /** What the deadline may be late by: the scheduler's tick and a loaded machine. */
    private static final Duration SLACK = Duration.ofMillis(700);

    private static final RunningApi api =
            RunningApi.start(setup -> setup.limits = new ConnectionLimits(IDLE, 400, DEADLINE));

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void slow_loris_connections_are_closed_at_the_deadline_while_other_requests_keep_their_latency() throws Exception {
        int attackers = 100;
        List<Socket> sockets = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try {
            long started = System.nanoTime();
            for (int i = 0; i < attackers; i++) {
                Socket socket = connect();
                socket.getOutputStream()
                        .write("GET /orders HTTP/1.1\r\nHost: x\r\nX-A: ".getBytes(StandardCharsets.US_ASCII));
                sockets.add(socket);
            }
            // one byte every 100 ms on each: never idle, never done
            var unused = trickle.scheduleAtFixedRate(
                    () -> {
                        for (Socket socket : sockets) {
                            try {
                                socket.getOutputStream().write('a');
                            } catch (IOException closedByTheServer) {
                                // expected once the deadline passed
                            }
                        }
                    },
                    100,
                    100,
                    TimeUnit.MILLISECONDS);

            // until the deadline, and at least 20 requests: on a loaded machine opening the attackers alone may
            // take most of the deadline
            List<Long> latencies = new ArrayList<>();
            while (latencies.size() < 20
                    || Duration.ofNanos(System.nanoTime() - started).compareTo(DEADLINE) < 0) {
                long before = System.nanoTime();
                assertThat(api.get("/health/live").status()).isEqualTo(200);
                latencies.add(System.nanoTime() - before);
                Thread.sleep(20);
            }
            latencies.sort(null);
            assertThat(Duration.ofNanos(latencies.get(latencies.size() * 99 / 100)))
                    .as("p99 of other requests during the attack")
                    .isLessThan(Duration.ofMillis(250));

            for (Socket socket : sockets) {
                String answer = readUntilClosed(socket, DEADLINE.plus(SLACK));
                assertThat(answer).startsWith("HTTP/1.1 408 ").contains("application/problem+json");
                assertThat(answer).contains("\"status\":408", "X-Request-Id: ", "Connection: close");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("every slow connection closed")
                    .isLessThan(DEADLINE.plus(SLACK).plus(SLACK));
        } finally {
            trickle.shutdownNow();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void a_body_that_trickles_in_is_answered_408_problem_at_the_deadline() throws Exception {
        String token = api.newUserToken();
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /orders HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                            + "\r\nContent-Type: application/json\r\nContent-Length: 60\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(
                    () -> readUntilClosed(socket, DEADLINE.plus(SLACK).plus(SLACK)), Thread.ofVirtual()::start);
            for (int i = 0; i < 15 && !answer.isDone(); i++) {
                Thread.sleep(100);
                try {
                    out.write(' ');
                } catch (IOException closed) {
                    break;
                }
            }
            String got = answer.get(5, TimeUnit.SECONDS);
            assertThat(got).startsWith("HTTP/1.1 408 ").contains("application/problem+json", "\"status\":408");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(DEADLINE.plus(SLACK));
        }
    }

    @Test
    void a_request_sent_whole_is_never_cut_however_long_its_connection_lives() throws Exception {
        try (Socket socket = connect()) {
            for (int i = 0; i < 3; i++) {
                socket.getOutputStream()
                        .write("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(readAnswer(socket)).startsWith("HTTP/1.1 200 ");
                // keep-alive pauses longer than the deadline, shorter than the idle timeout
                Thread.sleep(DEADLINE.toMillis() + 200);
            }
        }
    }

    @Test
    void an_idle_connection_is_closed_at_the_idle_timeout() throws Exception {
        try (Socket socket = connect()) {
            long started = System.nanoTime();
            assertThat(readUntilClosed(socket, IDLE.plus(SLACK).plus(SLACK))).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isGreaterThanOrEqualTo(IDLE.minusMillis(100))
                    .isLessThan(IDLE.plus(SLACK));
        }
    }

    @Test
    void beyond_the_connection_limit_a_new_connection_waits_until_one_closes() throws Exception {
        try (RunningApi limited = RunningApi.start(
                setup -> setup.limits = new ConnectionLimits(Duration.ofSeconds(20), 2, Duration.ofSeconds(20)))) {
            Socket first = connect(limited.port());
            try (Socket second = connect(limited.port());
                    Socket third = connect(limited.port())) {
                // the first two are accepted
                for (Socket socket : List.of(first, second)) {
                    socket.getOutputStream()
                            .write("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    assertThat(readAnswer(socket)).startsWith("HTTP/1.1 200 ");
                }
                third.getOutputStream()
                        .write("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                third.setSoTimeout(500);
                assertThat(third.getInputStream().available()).isZero();
                try {
                    int read = third.getInputStream().read();
                    throw new AssertionError("the third connection was served beyond the limit: " + read);
                } catch (SocketTimeoutException waiting) {
                    // not accepted while two are open
                }
                first.close();
                third.setSoTimeout(5_000);
                assertThat(readAnswer(third)).startsWith("HTTP/1.1 200 ");
            } finally {
                first.close();
            }
        }
    }

    private static Socket connect() throws IOException {
        return connect(api.port());
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        return socket;
    }

    /** Everything the server sends until it closes the connection, or what came within {@code within}. */
    private static String readUntilClosed(Socket socket, Duration within) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + within.toNanos();
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new AssertionError("still open after " + within + ", got: " + got);
                }
                socket.setSoTimeout((int) left);
                int read;
                try {
                    read = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("still open after " + within + ", got: " + got, e);
                } catch (IOException reset) {
                    break;
                }
                if (read < 0) {
                    break;
                }
                got.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    /** One answer's head and the start of its body: what arrived within a short read. */
    private static String readAnswer(Socket socket) throws IOException {
        socket.setSoTimeout(5_000);
        byte[] buffer = new byte[8192];
        int read = socket.getInputStream().read(buffer);
        return read < 0 ? "" : new String(buffer, 0, read, StandardCharsets.US_ASCII);
    }
}
