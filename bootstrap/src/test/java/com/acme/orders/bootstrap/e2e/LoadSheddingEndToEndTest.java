package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The whole service on PostgreSQL with a pool of {@value #POOL} connections and {@value #IN_FLIGHT} order requests in
 * flight, under ten times as many clients: every answer is a 2xx or a 503 problem with {@code Retry-After}, the 503s
 * come at once rather than after a wait for a connection, and health answers throughout. (The adapter's
 * {@code LoadSheddingTest} shows the same against a modelled pool, and the recovery after the load.)
 */
class LoadSheddingEndToEndTest {

    private static final int POOL = 2;
    private static final int IN_FLIGHT = 2 * POOL;
    private static final int CLIENTS = 10 * IN_FLIGHT;

    private static final Duration LOAD = Duration.ofSeconds(5);
    /** The start of the load, whose latencies are not counted: connections opening, code compiling. */
    private static final Duration WARM_UP = Duration.ofSeconds(2);
    /** What a client waits between an answer and its next request. */
    private static final Duration THINK = Duration.ofMillis(20);

    @Test
    void beyond_the_limit_order_requests_get_a_fast_503_and_health_answers() throws Exception {
        try (RunningService service = RunningService.start(Map.of(
                "DB_POOL_SIZE", Integer.toString(POOL),
                "MAX_ORDER_REQUESTS_IN_FLIGHT", Integer.toString(IN_FLIGHT)))) {
            ApiClient setup = service.client();
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                tokens.add(setup.newUserToken());
            }

            Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
            Queue<Integer> health = new ConcurrentLinkedQueue<>();
            long started = System.nanoTime();
            long until = started + LOAD.toNanos();
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String token = tokens.get(i % tokens.size());
                boolean lists = i % 2 == 0;
                ApiClient api = service.client();
                clients.add(Thread.ofVirtual().start(() -> {
                    while (System.nanoTime() < until) {
                        long sent = System.nanoTime();
                        try {
                            ApiClient.Response answer = lists
                                    ? api.get("/orders?limit=20", token)
                                    : api.post("/orders", "{\"product_name\":\"Widget\",\"amount\":19.99}", token);
                            outcomes.add(new Outcome(sent, System.nanoTime() - sent, answer, ""));
                        } catch (RuntimeException e) {
                            outcomes.add(new Outcome(sent, System.nanoTime() - sent, null, e.toString()));
                        }
                        pause(THINK);
                    }
                }));
            }
            Thread prober = Thread.ofVirtual().start(() -> {
                ApiClient api = service.client();
                while (System.nanoTime() < until) {
                    health.add(api.get("/health/ready", null).status());
                    pause(Duration.ofMillis(50));
                }
            });
            for (Thread client : clients) {
                client.join();
            }
            prober.join();

            Map<String, Long> answers = outcomes.stream()
                    .collect(Collectors.groupingBy(Outcome::kind, TreeMap::new, Collectors.counting()));
            long[] shed = outcomes.stream()
                    .filter(o ->
                            o.answer() != null && o.answer().status() == 503 && o.sent() > started + WARM_UP.toNanos())
                    .mapToLong(Outcome::nanos)
                    .sorted()
                    .toArray();
            Duration p99 = Duration.ofNanos(shed.length == 0 ? 0 : shed[shed.length * 99 / 100]);
            System.out.printf(
                    Locale.ROOT,
                    "%d clients for %s, pool %d, in flight %d: %s; after the first %s, the 503s' p99 %.1f ms%n",
                    CLIENTS,
                    LOAD,
                    POOL,
                    IN_FLIGHT,
                    answers,
                    WARM_UP,
                    p99.toNanos() / 1e6);
            assertThat(answers.keySet())
                    .as("every answer a 2xx or a 503 problem with Retry-After")
                    .isSubsetOf("2xx", "503 problem with Retry-After");
            assertThat(answers.get("2xx")).as("requests served").isPositive();
            assertThat(shed).as("requests shed after the warm-up").isNotEmpty();
            assertThat(p99).as("p99 of the 503s").isLessThan(Duration.ofMillis(100));
            assertThat(health).as("health probes").hasSizeGreaterThan(10).containsOnly(200);
        }
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
     * @param sent when the request was sent, {@link System#nanoTime}
     * @param nanos until its answer was read whole
     * @param answer null when there was none
     * @param failure why there was none
     */
    private record Outcome(long sent, long nanos, ApiClient.Response answer, String failure) {

        String kind() {
            if (answer == null) {
                return "failed: " + failure;
            }
            int status = answer.status();
            if (status >= 200 && status < 300) {
                return "2xx";
            }
            if (status == 503
                    && answer.header("Retry-After")
                            .filter(s -> s.matches("[0-9]+"))
                            .isPresent()
                    && answer.header("Content-Type")
                            .filter(s -> s.startsWith("application/problem+json"))
                            .isPresent()
                    && answer.json().get("status").asInt() == 503) {
                return "503 problem with Retry-After";
            }
            return answer.toString();
        }
    }
}
