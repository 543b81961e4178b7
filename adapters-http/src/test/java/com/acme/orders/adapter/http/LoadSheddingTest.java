package com.acme.orders.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.port.in.order.CancelOrderCommand;
import com.acme.orders.application.port.in.order.ListOrdersQuery;
import com.acme.orders.application.port.in.order.OrderPage;
import com.acme.orders.application.port.in.order.OrderQuery;
import com.acme.orders.application.port.in.order.OrderUseCases;
import com.acme.orders.application.port.in.order.PlaceOrderCommand;
import com.acme.orders.application.port.out.StorageUnavailableException;
import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.order.StatusChange;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Overload on real sockets: ten times as many clients as the order requests in flight allowed, against order use cases
 * slowed to a database pool of {@value #POOL} connections. Beyond the limit a request is refused at once with 503 and
 * {@code Retry-After}, instead of waiting for a connection until the pool's timeout; the requests admitted are served;
 * health answers throughout; and once the load drops every request within the limit is served again, at the pool's
 * rate. The latencies measured should be the service's, not a starved client's: the clients pause between requests
 * (they offer four times what the pool serves, and leave the machine's two cores the time to answer), and each is a
 * platform thread blocked in its socket's read, which the kernel wakes when the answer arrives, without a hand-over
 * through the poller of virtual threads (on a loaded machine, that alone put the 503s' p99 over 100 ms).
 */
class LoadSheddingTest {

    private static final int POOL = 4;
    /** The default's ratio, four order requests in flight per connection of the pool. */
    private static final int IN_FLIGHT = 4 * POOL;

    private static final int CLIENTS = 10 * IN_FLIGHT;
    /** What one call holds its connection for. */
    private static final Duration QUERY = Duration.ofMillis(20);
    /** How long a call waits for a free connection before it fails (HikariCP's connection timeout, scaled down). */
    private static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(250);

    private static final Duration LOAD = Duration.ofSeconds(6);
    /** The start of the load, whose latencies are not counted: connections opening, code compiling. */
    private static final Duration WARM_UP = Duration.ofSeconds(2);
    /** What a client waits between an answer and its next request: 160 clients offer up to 800 requests/s. */
    private static final Duration THINK = Duration.ofMillis(200);

    private static final Duration FAST = Duration.ofMillis(100);

    @Test
    void beyond_the_limit_order_requests_get_a_fast_503_health_answers_and_the_service_recovers() throws Exception {
        try (RunningApi api = RunningApi.start(setup -> {
            setup.maxOrderRequestsInFlight = IN_FLIGHT;
            setup.aroundOrderUseCases = orders -> new PoolBound(orders, new Semaphore(POOL));
        })) {
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tokens.add(api.newUserToken());
            }

            Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
            Queue<Outcome> health = new ConcurrentLinkedQueue<>();
            long until = System.nanoTime() + LOAD.toNanos();
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String request = i % 2 == 0 ? list(tokens.get(i % 4)) : create(tokens.get(4 + i % 4));
                clients.add(Thread.ofPlatform().start(() -> {
                    try (Client client = new Client(api.port())) {
                        while (System.nanoTime() < until) {
                            outcomes.add(client.send(request));
                            pause(THINK);
                        }
                    }
                }));
            }
            Thread prober = Thread.ofPlatform().start(() -> {
                try (Client client = new Client(api.port())) {
                    while (System.nanoTime() < until) {
                        health.add(client.send("GET /health/ready HTTP/1.1\r\nHost: x\r\n\r\n"));
                        pause(Duration.ofMillis(20));
                    }
                }
            });
            for (Thread client : clients) {
                client.join();
            }
            prober.join();

            Map<String, Long> answers = outcomes.stream()
                    .collect(Collectors.groupingBy(Outcome::kind, TreeMap::new, Collectors.counting()));
            // latencies once the connections are open and the code compiled
            long warm = until - LOAD.toNanos() + WARM_UP.toNanos();
            List<Outcome> shed = outcomes.stream()
                    .filter(o -> o.status() == 503 && o.at() > warm)
                    .toList();
            List<Outcome> served = outcomes.stream()
                    .filter(o -> o.kind().equals("2xx") && o.at() > warm)
                    .toList();
            System.out.printf(
                    Locale.ROOT,
                    "%d clients for %s: %s; after the first %s, the 503s' p50 %.1f, p99 %.1f ms, the 2xx' p50 %.1f, p99 %.1f ms;"
                            + " health probes %d%n",
                    CLIENTS,
                    LOAD,
                    answers,
                    WARM_UP,
                    percentile(shed, 50) / 1e6,
                    percentile(shed, 99) / 1e6,
                    percentile(served, 50) / 1e6,
                    percentile(served, 99) / 1e6,
                    health.size());
            assertThat(answers.keySet())
                    .as("every answer a 2xx or a 503 problem with Retry-After")
                    .isSubsetOf("2xx", "503 problem with Retry-After");
            assertThat(answers.get("2xx")).as("requests served").isPositive();
            assertThat(shed).as("requests shed").isNotEmpty();
            assertThat(Duration.ofNanos(percentile(shed, 99)))
                    .as("p99 of the 503s")
                    .isLessThan(FAST);
            assertThat(health).as("health probes").hasSizeGreaterThan(10);
            assertThat(health)
                    .allSatisfy(probe -> assertThat(probe.status())
                            .as("health during the overload")
                            .isEqualTo(200));

            // within the limit again: half as many clients as requests may be in flight, one request after another
            Queue<Outcome> after = new ConcurrentLinkedQueue<>();
            List<Thread> burst = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < IN_FLIGHT / 2; i++) {
                String request = i % 2 == 0 ? list(tokens.get(i % 4)) : create(tokens.get(4 + i % 4));
                burst.add(Thread.ofPlatform().start(() -> {
                    try (Client client = new Client(api.port())) {
                        for (int n = 0; n < 50; n++) {
                            after.add(client.send(request));
                        }
                    }
                }));
            }
            for (Thread client : burst) {
                client.join();
            }
            double perSecond = after.size() * 1e9 / (System.nanoTime() - started);
            System.out.printf(Locale.ROOT, "after the overload: %d requests, %.0f/s%n", after.size(), perSecond);
            assertThat(after).hasSize(IN_FLIGHT / 2 * 50);
            assertThat(after)
                    .allSatisfy(outcome -> assertThat(outcome.kind())
                            .as("after the overload: %s", outcome)
                            .isEqualTo("2xx"));
            // the pool serves POOL / QUERY calls a second (200): at least half of it, whatever the machine's load
            assertThat(perSecond)
                    .as("requests/s after the overload")
                    .isGreaterThan(POOL * 1_000.0 / QUERY.toMillis() / 2);
        }
    }

    private static String list(String token) {
        return "GET /orders?limit=20 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n";
    }

    private static String create(String token) {
        String body = "{\"product_name\":\"Widget\",\"amount\":19.99}";
        return "POST /orders HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private static long percentile(List<Outcome> outcomes, int percent) {
        if (outcomes.isEmpty()) {
            return 0;
        }
        long[] took = outcomes.stream().mapToLong(Outcome::nanos).sorted().toArray();
        return took[took.length * percent / 100];
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The order use cases as a database pool of so many connections serves them: each call holds a connection for
     * {@link #QUERY}, waits for a free one up to {@link #CONNECTION_TIMEOUT}, then fails as the persistence adapter
     * does when its pool is exhausted.
     */
    private record PoolBound(OrderUseCases orders, Semaphore connections) implements OrderUseCases {

        private <T> T withConnection(Supplier<T> call) {
            try {
                if (!connections.tryAcquire(CONNECTION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new StorageUnavailableException(
                            "no connection of the pool within " + CONNECTION_TIMEOUT, null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                pause(QUERY);
                return call.get();
            } finally {
                connections.release();
            }
        }

        @Override
        public Order place(PlaceOrderCommand command) {
            return withConnection(() -> orders.place(command));
        }

        @Override
        public OrderPage list(ListOrdersQuery query) {
            return withConnection(() -> orders.list(query));
        }

        @Override
        public Order get(OrderQuery query) {
            return withConnection(() -> orders.get(query));
        }

        @Override
        public Order cancel(CancelOrderCommand command) {
            return withConnection(() -> orders.cancel(command));
        }

        @Override
        public List<StatusChange> history(OrderQuery query) {
            return withConnection(() -> orders.history(query));
        }
    }

    /**
     * One answer as a client saw it.
     *
     * @param at when its request was sent, {@link System#nanoTime}
     * @param nanos from the request's first byte sent to the answer's last byte read
     * @param failure what went wrong instead of an answer, or empty
     */
    private record Outcome(long at, int status, long nanos, String head, String body, String failure) {

        /** {@code 2xx}, {@code 503 problem with Retry-After}, or the status and what is wrong with it. */
        String kind() {
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

    /** A keep-alive HTTP/1.1 connection, opened again when the server closes it. */
    private static final class Client implements AutoCloseable {

        private final int port;
        private Socket socket;
        private InputStream in;

        Client(int port) {
            this.port = port;
        }

        Outcome send(String request) {
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
    }
}
