package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.acme.orders.adapter.http.testing.KeepAliveClient;
import com.acme.orders.adapter.http.testing.KeepAliveClient.Outcome;
import com.acme.orders.adapter.http.testing.Overload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole service on PostgreSQL with a pool of {@value #POOL} connections and {@value #IN_FLIGHT} order requests in
 * flight, under ten times as many clients: every answer is a 2xx or a 503 problem with {@code Retry-After}, the 503s
 * come at once rather than after a wait for a connection, and health answers throughout. The clients are
 * {@link KeepAliveClient}s on platform threads, so that the latencies are the service's. (The adapter's
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

            Overload.Result result = Overload.run(
                    service.port(),
                    CLIENTS,
                    i -> i % 2 == 0 ? Overload.list(tokens.get(i % 4)) : Overload.create(tokens.get(i % 4)),
                    LOAD,
                    THINK,
                    Duration.ofMillis(50));
            Map<String, Long> answers = result.answers();
            List<Outcome> health = result.health();
            List<Outcome> shed = result.after(WARM_UP, 503);
            Duration p99 = Overload.percentile(shed, 99);
            System.out.printf(
                    Locale.ROOT,
                    "%d clients for %s, pool %d, in flight %d: %s; after the first %s, the 503s' p99 %.1f ms; the machine's scheduling delay, p99 %.1f ms%n",
                    CLIENTS,
                    LOAD,
                    POOL,
                    IN_FLIGHT,
                    answers,
                    WARM_UP,
                    p99.toNanos() / 1e6,
                    result.schedulingDelay().toNanos() / 1e6);
            assertThat(answers.keySet())
                    .as("every answer a 2xx or a 503 problem with Retry-After")
                    .isSubsetOf("2xx", "503 problem with Retry-After");
            assertThat(answers.get("2xx")).as("requests served").isPositive();
            assertThat(shed).as("requests shed after the warm-up").isNotEmpty();
            assertThat(health).as("health probes").hasSizeGreaterThan(10);
            assertThat(health)
                    .allSatisfy(probe -> assertThat(probe.status())
                            .as("health during the overload")
                            .isEqualTo(200));
            // A time is only as good as the machine that measures it: a 503 passes through a few threads, each of
            // which may wake late by the machine's own scheduling delay.
            assumeTrue(
                    result.schedulingDelay().compareTo(Duration.ofMillis(25)) < 0,
                    () -> "too loaded to time answers: a thread woke up to "
                            + result.schedulingDelay().toMillis() + " ms late");
            assertThat(p99).as("p99 of the 503s").isLessThan(Duration.ofMillis(100));
        }
    }
}
