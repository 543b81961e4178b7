package com.acme.orders.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What an open connection costs the heap. MAX_CONNECTIONS (2,000 by default) kept-alive connections, each after a
 * request, must fit in the heap the recommended options give (128 MB) beside everything else: Jetty's per-connection
 * header cache alone (a 96 KB table, built once a connection has parsed a request) would take about 200 MB.
 */
class ConnectionMemoryTest {

    private static final int CONNECTIONS = 400;
    /** Per connection, what Jetty needs (its objects, a request buffer): well under the cache's 96 KB. */
    private static final long MAX_BYTES_PER_CONNECTION = 32 * 1024;

    private static final byte[] REQUEST =
            ("GET /health/live HTTP/1.1\r\nHost: localhost\r\nUser-Agent: kept-alive/1.0\r\n"
                            + "Accept: application/json\r\nContent-Type: application/json\r\nAuthorization: Bearer x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);

    private static final RunningApi api = RunningApi.start(
            setup -> setup.limits = new ConnectionLimits(Duration.ofSeconds(60), 2_000, Duration.ofSeconds(60)));

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void kept_alive_connections_cost_a_few_kilobytes_of_heap_each() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // the server's classes and pools exist before the baseline: one whole request first
        assertThat(api.get("/health/live").status()).isEqualTo(200);
        long before = usedAfterCollection(memory);
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.port());
                sockets.add(socket);
                // two requests, as a client keeping its connection sends them: the second is parsed with the cache
                for (int request = 0; request < 2; request++) {
                    socket.getOutputStream().write(REQUEST);
                    socket.getOutputStream().flush();
                    readAnswer(socket);
                }
            }
            long perConnection = (usedAfterCollection(memory) - before) / CONNECTIONS;
            System.out.println("heap per kept-alive connection: " + perConnection + " bytes");
            assertThat(perConnection).isLessThan(MAX_BYTES_PER_CONNECTION);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    /** Reads an answer's head and its body (its Content-Length): the request was parsed whole and answered. */
    private static void readAnswer(Socket socket) throws java.io.IOException {
        var in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new java.io.EOFException("the connection closed before the answer's head ended");
            }
            head.append((char) b);
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
        var length =
                java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        if (length.find()) {
            in.readNBytes(Integer.parseInt(length.group(1)));
        }
    }

    private static long usedAfterCollection(MemoryMXBean memory) throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
