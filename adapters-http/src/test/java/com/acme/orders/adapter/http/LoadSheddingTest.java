package com.acme.orders.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.acme.orders.adapter.http.testing.KeepAliveClient;
import com.acme.orders.adapter.http.testing.KeepAliveClient.Outcome;
import com.acme.orders.adapter.http.testing.Overload;
import com.acme.orders.application.port.in.order.CancelOrderCommand;
import com.acme.orders.application.port.in.order.ListOrdersQuery;
import com.acme.orders.application.port.in.order.OrderPage;
import com.acme.orders.application.port.in.order.OrderQuery;
import com.acme.orders.application.port.in.order.OrderUseCases;
import com.acme.orders.application.port.in.order.PlaceOrderCommand;
import com.acme.orders.application.port.out.StorageUnavailableException;
import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.order.StatusChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Overload on real sockets: ten times as many clients as the order requests in flight allowed, against order use cases
 * slowed to a database pool of {@value #POOL} connections. Beyond the limit a request is refused at once with 503 and
 * {@code Retry-After}, instead of waiting for a connection until the pool's timeout; the requests admitted are served;
 * health answers throughout; and once the load drops every request within the limit is served again, at the pool's
 * rate. The latencies measured should be the service's, not a starved client's: the clients pause between requests
 * (they offer twice what the pool serves, and leave the machine's two cores the time to answer), and each is a
 * {@link KeepAliveClient} on a platform thread (on a loaded machine, virtual threads alone put the 503s' p99 over
 * 100 ms).
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
    /** What a client waits between an answer and its next request: 160 clients offer up to 400 requests/s. */
    private static final Duration THINK = Duration.ofMillis(400);

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

            Overload.Result result = Overload.run(
                    api.port(),
                    CLIENTS,
                    i -> i % 2 == 0 ? Overload.list(tokens.get(i % 4)) : Overload.create(tokens.get(4 + i % 4)),
                    LOAD,
                    THINK,
                    Duration.ofMillis(20));
            Map<String, Long> answers = result.answers();
            List<Outcome> health = result.health();
            // latencies once the connections are open and the code compiled
            List<Outcome> shed = result.after(WARM_UP, 503);
            long warm = result.started() + WARM_UP.toNanos();
            List<Outcome> served = result.outcomes().stream()
                    .filter(o -> o.kind().equals("2xx") && o.at() > warm)
                    .toList();
            System.out.printf(
                    Locale.ROOT,
                    "%d clients for %s: %s; after the first %s, the 503s' p50 %.1f, p99 %.1f ms, the 2xx' p50 %.1f, p99 %.1f ms;"
                            + " health probes %d; the machine's scheduling delay, p99 %.1f ms%n",
                    CLIENTS,
                    LOAD,
                    answers,
                    WARM_UP,
                    Overload.percentile(shed, 50).toNanos() / 1e6,
                    Overload.percentile(shed, 99).toNanos() / 1e6,
                    Overload.percentile(served, 50).toNanos() / 1e6,
                    Overload.percentile(served, 99).toNanos() / 1e6,
                    health.size(),
                    result.schedulingDelay().toNanos() / 1e6);
            assertThat(answers.keySet())
                    .as("every answer a 2xx or a 503 problem with Retry-After")
                    .isSubsetOf("2xx", "503 problem with Retry-After");
            assertThat(answers.get("2xx")).as("requests served").isPositive();
            assertThat(shed).as("requests shed").isNotEmpty();
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
                String request = i % 2 == 0 ? Overload.list(tokens.get(i % 4)) : Overload.create(tokens.get(4 + i % 4));
                burst.add(Thread.ofPlatform().start(() -> {
                    try (KeepAliveClient client = new KeepAliveClient(api.port())) {
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

            // A time is only as good as the machine that measures it: a 503 passes through a few threads, each of
            // which may wake late by the machine's own scheduling delay.
            assumeTrue(
                    result.schedulingDelay().compareTo(FAST.dividedBy(4)) < 0,
                    () -> "too loaded to time answers: a thread woke up to "
                            + result.schedulingDelay().toMillis() + " ms late");
            assertThat(Overload.percentile(shed, 99)).as("p99 of the 503s").isLessThan(FAST);
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
}
