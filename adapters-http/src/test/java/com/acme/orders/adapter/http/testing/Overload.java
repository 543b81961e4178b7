package com.acme.orders.adapter.http.testing;

import com.acme.orders.adapter.http.testing.KeepAliveClient.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * A burst of order requests against a listener, for the load-shedding tests: so many {@link KeepAliveClient}s, each on
 * a platform thread, send their request, pause, and send again until the load ends, while a prober asks
 * {@code /health/ready}; the machine's own scheduling delay is measured meanwhile ({@link SchedulingDelays}), so that
 * a test can tell the service's latencies from a starved machine's.
 */
public final class Overload {

    /**
     * What a burst got: every answer, the health probes', when it started (a {@link System#nanoTime} value, the
     * scale of {@link Outcome#at}) and the machine's scheduling delay at p99.
     */
    public record Result(List<Outcome> outcomes, List<Outcome> health, long started, Duration schedulingDelay) {

        /** How many answers of each {@link Outcome#kind}. */
        public Map<String, Long> answers() {
            return outcomes.stream().collect(Collectors.groupingBy(Outcome::kind, TreeMap::new, Collectors.counting()));
        }

        /** The answers of {@code status} sent once {@code warmUp} had passed: connections open, code compiled. */
        public List<Outcome> after(Duration warmUp, int status) {
            long warm = started + warmUp.toNanos();
            return outcomes.stream()
                    .filter(outcome -> outcome.status() == status && outcome.at() > warm)
                    .toList();
        }
    }

    private Overload() {}

    /**
     * Runs {@code clients} clients on {@code port} for {@code load}, client {@code i} sending {@code request.apply(i)}
     * with {@code think} between an answer and its next request, and a health probe every {@code probeEvery}.
     */
    public static Result run(
            int port, int clients, IntFunction<String> request, Duration load, Duration think, Duration probeEvery)
            throws InterruptedException {
        Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        Queue<Outcome> health = new ConcurrentLinkedQueue<>();
        SchedulingDelays delays = SchedulingDelays.measure();
        long started = System.nanoTime();
        long until = started + load.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String sent = request.apply(i);
            threads.add(Thread.ofPlatform().start(() -> {
                try (KeepAliveClient client = new KeepAliveClient(port)) {
                    while (System.nanoTime() < until) {
                        outcomes.add(client.send(sent));
                        pause(think);
                    }
                }
            }));
        }
        threads.add(Thread.ofPlatform().start(() -> {
            try (KeepAliveClient client = new KeepAliveClient(port)) {
                while (System.nanoTime() < until) {
                    health.add(client.send("GET /health/ready HTTP/1.1\r\nHost: x\r\n\r\n"));
                    pause(probeEvery);
                }
            }
        }));
        for (Thread thread : threads) {
            thread.join();
        }
        delays.close();
        return new Result(List.copyOf(outcomes), List.copyOf(health), started, delays.p99());
    }

    /** The first page of the caller's orders. */
    public static String list(String token) {
        return "GET /orders?limit=20 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n";
    }

    /** A new order of the caller's. */
    public static String create(String token) {
        String body = "{\"product_name\":\"Widget\",\"amount\":19.99}";
        return "POST /orders HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    /** The {@code percent} percentile of the outcomes' latencies, or zero for none. */
    public static Duration percentile(List<Outcome> outcomes, int percent) {
        if (outcomes.isEmpty()) {
            return Duration.ZERO;
        }
        long[] took = outcomes.stream().mapToLong(Outcome::nanos).sorted().toArray();
        return Duration.ofNanos(took[took.length * percent / 100]);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
