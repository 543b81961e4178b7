package com.acme.orders.bootstrap.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.persistence.testing.TestDatabase;
import com.acme.orders.bootstrap.e2e.ExternalCommand;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The service as it is deployed ({@code docs/deployment.md}): HAProxy, round-robin with health checks on
 * {@code /health/ready}, in front of three instances, each a JVM of its own with the launcher's options, and PgBouncer
 * in transaction mode between them and PostgreSQL, all on loopback. Through the load balancer the whole API works,
 * a log-out on one instance ends the session on all, a refresh token spent on one is spent on all, the log-in limits
 * hold in total across the instances (not once per instance), the processing job
 * handles every order exactly once, and an instance killed with SIGKILL under load loses no
 * acknowledged order while the others go on answering. Without HAProxy or PgBouncer the test is skipped, naming the
 * missing tool.
 */
class LoadBalancedClusterIT {

    private static final List<String> INSTANCES = List.of("a", "b", "c");
    private static final String VICTIM = "b";
    private static final int CLIENTS = 8;
    /** PgBouncer's server connections for the database: fewer than the instances' pools hold together. */
    private static final int SERVER_CONNECTIONS = 8;
    /** The launcher's JVM options ({@code ./orders}), without the ahead-of-time cache, which belongs to one jar. */
    private static final List<String> LAUNCHER_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-Xmx128m", "-XX:MaxMetaspaceSize=128m", "-XX:ReservedCodeCacheSize=64m", "-Xss512k");

    private static final String PASSWORD = "securepass123";
    private static final int RATE_PER_ADDRESS = 20;
    private static final int FAILURES_PER_ACCOUNT = 5;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private URI balancer;
    /** The walk's user's access token and the order it cancelled, for the checks after processing. */
    private String walker;

    private long walkCancelled;

    private final AtomicInteger requests = new AtomicInteger();

    /** One answer through the load balancer, with the instance that gave it (HAProxy's {@code X-Instance}). */
    private record Answer(int status, JsonNode body, String instance) {}

    @Test
    void three_instances_behind_haproxy_and_pgbouncer_serve_the_api_and_survive_a_sigkill_under_load()
            throws Exception {
        Path haproxy = ExternalCommand.systemTool("haproxy", "haproxy");
        Path work = Pgbouncer.workDirectory("load-balanced-cluster");
        try (ProcessingDatabase database = new ProcessingDatabase();
                Pgbouncer pooler = Pgbouncer.start(work, database.settings(), SERVER_CONNECTIONS)) {
            // behind the pooler the service cannot set its plan setting on a session: the database holds it
            database.execute("ALTER DATABASE " + pooler.database() + " SET plan_cache_mode = force_generic_plan");
            Map<String, String> env = database.environment(Map.of(
                    "DATABASE_URL", pooler.jdbcUrl(),
                    "DATABASE_POOLER", "transaction",
                    "DATABASE_MIGRATION_URL", TestDatabase.url(database.settings()),
                    "ORDER_PROCESSING_INTERVAL_SECONDS", "1",
                    "ORDER_PROCESSING_GRACE_SECONDS", "5",
                    "ORDER_PROCESSING_LEASE_SECONDS", "5",
                    "SHUTDOWN_DRAIN_SECONDS", "0",
                    // HAProxy, on loopback, appends the address it was connected from to X-Forwarded-For
                    "TRUSTED_PROXIES", "127.0.0.1",
                    "LOGIN_RATE_PER_MINUTE_PER_ADDRESS", Integer.toString(RATE_PER_ADDRESS),
                    "LOGIN_FAILURES_PER_ACCOUNT", Integer.toString(FAILURES_PER_ACCOUNT)));
            Map<String, ServiceProcess> instances = startInParallel(work, env);
            try {
                int balancerPort = ExternalServer.freePort();
                Path balancerConfig = writeHaproxyConfig(work, instances, balancerPort);
                try (ExternalServer lb = ExternalServer.start(
                        "haproxy",
                        work,
                        List.of(haproxy.toString(), "-db", "-f", balancerConfig.toString()),
                        balancerPort)) {
                    balancer = URI.create("http://127.0.0.1:" + balancerPort);
                    awaitEveryInstanceBehindTheBalancer();

                    List<Long> placed = theWholeApiWorks();
                    aLogOutOnOneInstanceEndsTheSessionOnEveryInstance();
                    aRefreshTokenSpentOnOneInstanceIsSpentOnEvery();
                    theLogInLimitsHoldInTotalAcrossTheInstances();
                    Set<Long> confirmed = noAcknowledgedOrderIsLostWhenAnInstanceIsKilled(instances, database);
                    everyOrderIsProcessedExactlyOnce(database, placed);

                    assertThat(lb.logText()).as("HAProxy's log").contains("Server instances/" + VICTIM + " is DOWN");
                    System.out.printf(
                            "cluster: %d requests through the load balancer, %d orders acknowledged under load,"
                                    + " orders lost: %d%n",
                            requests.get(), confirmed.size(), confirmed.size() - presentCount(database, confirmed));
                }
                String poolerLog = pooler.logText();
                assertThat(poolerLog)
                        .as("PgBouncer's log")
                        .doesNotContain("unsupported startup parameter")
                        .doesNotContain("ERROR");
                // the instances' pools shared a few server connections: each transaction took any of them
                assertThat(occurrences(poolerLog, "new connection to server"))
                        .as("PgBouncer's connections to PostgreSQL")
                        .isLessThanOrEqualTo(SERVER_CONNECTIONS)
                        .isLessThan(occurrences(poolerLog, "login attempt"));
                instances.forEach((name, instance) -> assertThat(instance.logText())
                        .as("log of instance %s", name)
                        .doesNotContain("plan_cache_mode is")
                        .doesNotContain("prepared statement \"S_")
                        .doesNotContainPattern("(?m)^\\S+ ERROR "));
            } finally {
                instances.values().forEach(ServiceProcess::close);
            }
        }
    }

    /** Register, log in, place, list, read, cancel, history: each answer may come from any instance. */
    private List<Long> theWholeApiWorks() throws Exception {
        Set<String> answeredBy = new TreeSet<>();
        Answer registered = call(
                "POST",
                "/auth/register",
                "{\"name\":\"Cluster User\",\"email\":\"cluster@example.com\",\"password\":\"" + PASSWORD + "\"}",
                null);
        assertThat(registered.status()).isEqualTo(201);
        answeredBy.add(registered.instance());
        Answer taken = call(
                "POST",
                "/auth/register",
                "{\"name\":\"Cluster User\",\"email\":\"cluster@example.com\",\"password\":\"" + PASSWORD + "\"}",
                null);
        assertThat(taken.status()).as("the same email on another instance").isEqualTo(409);
        String token = logIn("cluster@example.com");

        List<Long> placed = new ArrayList<>();
        for (String product : List.of("Laptop", "Mouse", "Desk")) {
            Answer order = call("POST", "/orders", "{\"product_name\":\"" + product + "\",\"amount\":12.50}", token);
            assertThat(order.status()).isEqualTo(201);
            assertThat(order.body().path("status").asText()).isEqualTo("pending");
            placed.add(order.body().path("id").asLong());
            answeredBy.add(order.instance());
        }
        // the newest, cancelled at once: within the grace period, before the job may take it
        long cancelled = placed.get(2);
        Answer cancel = call("PATCH", "/orders/" + cancelled + "/cancel", null, token);
        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.body().path("status").asText()).isEqualTo("cancelled");
        Answer again = call("PATCH", "/orders/" + cancelled + "/cancel", null, token);
        assertThat(again.status()).as("a second cancel, on another instance").isEqualTo(409);
        Answer list = call("GET", "/orders?limit=10", null, token);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().path("total").asInt()).isEqualTo(3);
        assertThat(list.body().path("orders").findValues("id").stream().map(JsonNode::asLong))
                .containsExactly(placed.get(2), placed.get(1), placed.get(0));
        for (long id : placed) {
            Answer read = call("GET", "/orders/" + id, null, token);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.body().path("id").asLong()).isEqualTo(id);
            answeredBy.add(read.instance());
        }
        Answer history = call("GET", "/orders/" + cancelled + "/history", null, token);
        assertThat(history.status()).isEqualTo(200);
        assertThat(transitions(history.body())).containsExactly("null>pending:user", "pending>cancelled:user");
        placed.remove(2);
        Answer stranger = call("GET", "/orders/" + placed.get(0), null, null);
        assertThat(stranger.status()).isEqualTo(401);
        answeredBy.addAll(List.of(cancel.instance(), again.instance(), history.instance()));

        assertThat(answeredBy).as("instances that answered").containsExactlyInAnyOrderElementsOf(INSTANCES);
        this.walker = token;
        this.walkCancelled = cancelled;
        return placed;
    }

    /**
     * A token that works on every instance stops working on every instance as soon as one of them has logged it
     * out, and so does the refresh token of its log-in.
     */
    private void aLogOutOnOneInstanceEndsTheSessionOnEveryInstance() throws Exception {
        register("logout@example.com");
        Answer login = logInAnswer("logout@example.com");
        String access = login.body().path("access_token").asText();
        String refresh = login.body().path("refresh_token").asText();
        assertThat(onEveryInstance("GET", "/auth/me", null, access))
                .as("GET /auth/me with the token, by instance")
                .allSatisfy((instance, status) -> assertThat(status).isEqualTo(200));

        Answer logout = call("POST", "/auth/logout", null, access);
        assertThat(logout.status()).isEqualTo(204);

        assertThat(onEveryInstance("GET", "/auth/me", null, access))
                .as("GET /auth/me with the token logged out on %s, by instance", logout.instance())
                .allSatisfy((instance, status) -> assertThat(status).isEqualTo(401));
        assertThat(call("POST", "/auth/refresh", refreshBody(refresh), null).status())
                .as("the logged-out session's refresh token")
                .isEqualTo(401);
    }

    /**
     * A refresh token is spent once across the cluster: presented again, on another instance, it is refused and
     * revokes its family, the pair it was exchanged for included.
     */
    private void aRefreshTokenSpentOnOneInstanceIsSpentOnEvery() throws Exception {
        register("refresh@example.com");
        String first =
                logInAnswer("refresh@example.com").body().path("refresh_token").asText();

        Answer refreshed = call("POST", "/auth/refresh", refreshBody(first), null);
        assertThat(refreshed.status()).isEqualTo(200);
        String access = refreshed.body().path("access_token").asText();
        String next = refreshed.body().path("refresh_token").asText();
        assertThat(call("GET", "/auth/me", null, access).status()).isEqualTo(200);

        Answer reused = call("POST", "/auth/refresh", refreshBody(first), null);
        assertThat(reused.status()).as("the spent refresh token, again").isEqualTo(401);
        assertThat(reused.instance()).as("the instance that refused it").isNotEqualTo(refreshed.instance());
        assertThat(call("POST", "/auth/refresh", refreshBody(next), null).status())
                .as("the refresh token it was exchanged for, after the reuse")
                .isEqualTo(401);
        assertThat(onEveryInstance("GET", "/auth/me", null, access))
                .as("the access token it was exchanged for, after the reuse, by instance")
                .allSatisfy((instance, status) -> assertThat(status).isEqualTo(401));
    }

    /**
     * The per-address limit and the per-account failure limit count once for the cluster: twenty log-ins a minute
     * from one client address in total, five failures on one account in total, however the balancer spreads them.
     * The client address is the last hop of {@code X-Forwarded-For} that HAProxy did not write: HAProxy appends
     * {@code 127.0.0.1}, this test's own address, which is trusted, so the address this test wrote before it is the
     * client's (in production the balancer's address is trusted, never the clients').
     */
    private void theLogInLimitsHoldInTotalAcrossTheInstances() throws Exception {
        Map<String, Integer> throttledBy = new TreeMap<>();
        Set<String> countedBy = new TreeSet<>();
        int counted = 0;
        int throttled = 0;
        for (int i = 0; i < RATE_PER_ADDRESS + 10; i++) {
            Answer answer = call(
                    "POST",
                    "/auth/login",
                    "{\"email\":\"nobody-" + i + "@example.com\",\"password\":\"" + PASSWORD + "\"}",
                    null,
                    "198.51.100.7");
            if (answer.status() == 429) {
                throttled++;
                throttledBy.merge(answer.instance(), 1, Integer::sum);
            } else {
                assertThat(answer.status())
                        .as("a log-in within the limit of the address")
                        .isEqualTo(401);
                counted++;
                countedBy.add(answer.instance());
            }
        }
        assertThat(call(
                                "POST",
                                "/auth/login",
                                "{\"email\":\"nobody@example.com\",\"password\":\"x-x-x-x-x\"}",
                                null,
                                "198.51.100.8")
                        .status())
                .as("another client address")
                .isEqualTo(401);
        // twenty a minute refill one every three seconds: a slow run may see one more
        assertThat(counted)
                .as("log-ins let through from one address")
                .isBetween(RATE_PER_ADDRESS, RATE_PER_ADDRESS + 1);
        assertThat(countedBy).as("instances that counted them").containsExactlyInAnyOrderElementsOf(INSTANCES);
        assertThat(throttledBy.keySet()).as("instances that refused").containsExactlyInAnyOrderElementsOf(INSTANCES);

        register("throttled@example.com");
        Map<String, Integer> accountThrottledBy = new TreeMap<>();
        int failures = 0;
        int accountThrottled = 0;
        for (int i = 0; i < FAILURES_PER_ACCOUNT + 6; i++) {
            Answer answer = call(
                    "POST",
                    "/auth/login",
                    "{\"email\":\"throttled@example.com\",\"password\":\"wrong-password\"}",
                    null,
                    "203.0.113." + (i + 1));
            if (answer.status() == 429) {
                accountThrottled++;
                accountThrottledBy.merge(answer.instance(), 1, Integer::sum);
            } else {
                assertThat(answer.status()).isEqualTo(401);
                failures++;
            }
        }
        Answer rightPassword = call(
                "POST",
                "/auth/login",
                "{\"email\":\"throttled@example.com\",\"password\":\"" + PASSWORD + "\"}",
                null,
                "203.0.113.99");
        assertThat(failures).as("failed log-ins let through on one account").isEqualTo(FAILURES_PER_ACCOUNT);
        assertThat(rightPassword.status())
                .as("the right password, past the failures")
                .isEqualTo(429);
        assertThat(accountThrottledBy.keySet())
                .as("instances that refused the account")
                .containsExactlyInAnyOrderElementsOf(INSTANCES);
        System.out.printf(
                "cluster: throttle answers counted across instances: per address %d let through of %d, %d refused %s;"
                        + " per account %d failures let through, %d refused %s%n",
                counted,
                counted + throttled,
                throttled,
                throttledBy,
                failures,
                accountThrottled + 1,
                accountThrottledBy);
    }

    /** Sends the same request until each instance has answered it once; the status each gave. */
    private Map<String, Integer> onEveryInstance(String method, String path, String body, String bearer)
            throws Exception {
        Map<String, Integer> statuses = new TreeMap<>();
        for (int attempt = 0; attempt < 30 && statuses.size() < INSTANCES.size(); attempt++) {
            Answer answer = call(method, path, body, bearer);
            statuses.putIfAbsent(answer.instance(), answer.status());
        }
        assertThat(statuses.keySet())
                .as("instances that answered %s", path)
                .containsExactlyInAnyOrderElementsOf(INSTANCES);
        return statuses;
    }

    private void register(String email) throws Exception {
        Answer registered = call(
                "POST",
                "/auth/register",
                "{\"name\":\"Cluster User\",\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}",
                null);
        assertThat(registered.status()).isEqualTo(201);
    }

    private static String refreshBody(String refreshToken) {
        return "{\"refresh_token\":\"" + refreshToken + "\"}";
    }

    /**
     * Eight clients place orders as fast as they can; after three seconds one instance is killed with SIGKILL. Only
     * the requests in flight to it may fail; every order answered 201 is in the database, with its history.
     */
    private Set<Long> noAcknowledgedOrderIsLostWhenAnInstanceIsKilled(
            Map<String, ServiceProcess> instances, ProcessingDatabase database) throws Exception {
        register("load@example.com");
        String token = logIn("load@example.com");
        Set<Long> confirmed = ConcurrentHashMap.newKeySet();
        AtomicBoolean killed = new AtomicBoolean();
        // set once the victim has exited: only a request sent after that cannot have reached it
        AtomicBoolean dead = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger failuresBefore = new AtomicInteger();
        AtomicInteger failuresAfter = new AtomicInteger();
        AtomicInteger answeredAfter = new AtomicInteger();
        Map<String, AtomicInteger> servedAfter = new ConcurrentHashMap<>();
        List<String> failures = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<?>> load = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                load.add(clients.submit(() -> {
                    while (!stop.get()) {
                        String failure;
                        try {
                            boolean sentAfterDeath = dead.get();
                            Answer answer =
                                    call("POST", "/orders", "{\"product_name\":\"Load\",\"amount\":10.50}", token);
                            if (answer.status() == 201) {
                                confirmed.add(answer.body().path("id").asLong());
                                if (sentAfterDeath) {
                                    answeredAfter.incrementAndGet();
                                    servedAfter
                                            .computeIfAbsent(answer.instance(), key -> new AtomicInteger())
                                            .incrementAndGet();
                                }
                                continue;
                            }
                            failure = answer.status() + " from " + answer.instance() + ": " + answer.body();
                        } catch (IOException broken) {
                            failure = broken.toString();
                        }
                        (killed.get() ? failuresAfter : failuresBefore).incrementAndGet();
                        synchronized (failures) {
                            failures.add((killed.get() ? "after the kill: " : "before the kill: ") + failure);
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(3_000);
            killed.set(true);
            instances.get(VICTIM).kill();
            dead.set(true);
            Thread.sleep(4_000);
            stop.set(true);
            for (Future<?> client : load) {
                client.get();
            }
        }
        System.out.printf(
                "cluster: %d orders answered 201 under load, %d of them after the SIGKILL (%s); failed answers: "
                        + "%d before, %d after the SIGKILL %s%n",
                confirmed.size(),
                answeredAfter.get(),
                new TreeMap<>(servedAfter),
                failuresBefore.get(),
                failuresAfter.get(),
                failures);
        assertThat(failuresBefore.get()).as("failed answers before the kill").isZero();
        assertThat(failuresAfter.get())
                .as("failed answers after the kill: at most the requests in flight to the killed instance")
                .isLessThanOrEqualTo(CLIENTS);
        assertThat(servedAfter.keySet())
                .as("instances answering after the kill")
                .containsExactlyInAnyOrderElementsOf(
                        INSTANCES.stream().filter(name -> !name.equals(VICTIM)).toList());
        assertThat(answeredAfter.get()).as("orders answered 201 after the kill").isGreaterThan(50);
        assertThat(presentCount(database, confirmed))
                .as("acknowledged orders in the database")
                .isEqualTo(confirmed.size());
        assertThat(database.count("SELECT count(*) FROM orders o WHERE NOT EXISTS "
                        + "(SELECT 1 FROM order_status_history h WHERE h.order_id = o.id)"))
                .as("orders without history")
                .isZero();
        return confirmed;
    }

    /**
     * Once the job has caught up, every order not cancelled went pending, processing, completed, each step once,
     * and the order's history through the load balancer says so.
     */
    private void everyOrderIsProcessedExactlyOnce(ProcessingDatabase database, List<Long> placed) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (database.count("SELECT count(*) FROM orders WHERE status IN ('pending', 'processing')") > 0
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        assertThat(database.count("SELECT count(*) FROM orders WHERE status IN ('pending', 'processing')"))
                .as("orders the job has not finished within a minute")
                .isZero();
        assertThat(database.count("""
                        SELECT count(*) FROM orders o
                        WHERE o.status <> 'cancelled' AND (
                           (SELECT count(*) FROM order_status_history h WHERE h.order_id = o.id
                              AND h.from_status = 'pending' AND h.to_status = 'processing' AND h.actor = 'system') <> 1
                           OR (SELECT count(*) FROM order_status_history h WHERE h.order_id = o.id
                              AND h.from_status = 'processing' AND h.to_status = 'completed' AND h.actor = 'system') <> 1
                           OR (SELECT count(*) FROM order_status_history h WHERE h.order_id = o.id) <> 3)
                        """)).as("orders not processed exactly once").isZero();
        for (long id : placed) {
            Answer history = call("GET", "/orders/" + id + "/history", null, walker);
            assertThat(history.status()).isEqualTo(200);
            assertThat(transitions(history.body()))
                    .containsExactly("null>pending:user", "pending>processing:system", "processing>completed:system");
        }
        Answer events = call("GET", "/events?limit=100", null, walker);
        assertThat(events.status()).isEqualTo(200);
        List<String> feed = new ArrayList<>();
        events.body()
                .path("events")
                .forEach(event -> feed.add(event.path("data").path("id").asLong() + ":"
                        + event.path("type").asText()));
        assertThat(feed)
                .as("the walk's user's event feed")
                .containsExactlyInAnyOrder(
                        placed.get(0) + ":order.created",
                        placed.get(1) + ":order.created",
                        walkCancelled + ":order.created",
                        walkCancelled + ":order.cancelled",
                        placed.get(0) + ":order.processing",
                        placed.get(1) + ":order.processing",
                        placed.get(0) + ":order.completed",
                        placed.get(1) + ":order.completed");
    }

    private static long presentCount(ProcessingDatabase database, Set<Long> ids) throws Exception {
        if (ids.isEmpty()) {
            return 0;
        }
        String list =
                ids.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
        return database.count("SELECT count(*) FROM orders WHERE id IN (" + list + ")");
    }

    private static long occurrences(String text, String fragment) {
        return text.lines().filter(line -> line.contains(fragment)).count();
    }

    private static List<String> transitions(JsonNode history) {
        List<String> steps = new ArrayList<>();
        for (JsonNode step : history) {
            steps.add(step.path("from_status").asText() + ">"
                    + step.path("to_status").asText() + ":" + step.path("actor").asText());
        }
        return steps;
    }

    private String logIn(String email) throws Exception {
        return logInAnswer(email).body().path("access_token").asText();
    }

    private Answer logInAnswer(String email) throws Exception {
        Answer login =
                call("POST", "/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}", null);
        assertThat(login.status()).isEqualTo(200);
        return login;
    }

    private Answer call(String method, String path, String body, String bearer)
            throws IOException, InterruptedException {
        return call(method, path, body, bearer, null);
    }

    /** As {@link #call(String, String, String, String)}, with {@code X-Forwarded-For: forwardedFor} unless null. */
    private Answer call(String method, String path, String body, String bearer, String forwardedFor)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(balancer.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        requests.incrementAndGet();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode parsed = response.body().isEmpty() ? json.nullNode() : readJson(response.body());
        return new Answer(
                response.statusCode(),
                parsed,
                response.headers().firstValue("X-Instance").orElse("(the load balancer)"));
    }

    private JsonNode readJson(String text) {
        try {
            return json.readTree(text);
        } catch (IOException notJson) {
            return json.getNodeFactory().textNode(text);
        }
    }

    /** Waits until HAProxy's health checks have found every instance ready and each has answered a request. */
    private void awaitEveryInstanceBehindTheBalancer() throws Exception {
        Set<String> seen = new TreeSet<>();
        Instant deadline = Instant.now().plusSeconds(30);
        while (!seen.containsAll(INSTANCES)) {
            assertThat(Instant.now())
                    .as("instances seen behind the load balancer: %s", seen)
                    .isBefore(deadline);
            Answer ready = call("GET", "/health/ready", null, null);
            if (ready.status() == 200) {
                seen.add(ready.instance());
            }
            Thread.sleep(50);
        }
    }

    private static Map<String, ServiceProcess> startInParallel(Path work, Map<String, String> env) throws Exception {
        Map<String, ServiceProcess> instances = new LinkedHashMap<>();
        try (ExecutorService starting = Executors.newFixedThreadPool(INSTANCES.size())) {
            Map<String, Future<ServiceProcess>> started = new LinkedHashMap<>();
            for (String name : INSTANCES) {
                started.put(name, starting.submit(() -> ServiceProcess.start(name, work, env, LAUNCHER_JVM_OPTIONS)));
            }
            Exception failure = null;
            for (Map.Entry<String, Future<ServiceProcess>> entry : started.entrySet()) {
                try {
                    instances.put(entry.getKey(), entry.getValue().get());
                } catch (java.util.concurrent.ExecutionException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                instances.values().forEach(ServiceProcess::close);
                throw failure;
            }
        }
        return instances;
    }

    /**
     * HAProxy round-robin over the instances, checking {@code /health/ready} every 300 ms (an answer may take up
     * to the readiness probe's 2 s on a busy machine); a connection refused by a dead instance is retried on another,
     * each request carries the client's address in {@code X-Forwarded-For} ({@code option forwardfor}, which adds a
     * header line of its own after any the client sent), and each answer names its instance in {@code X-Instance}.
     */
    private static Path writeHaproxyConfig(Path work, Map<String, ServiceProcess> instances, int port)
            throws IOException {
        StringBuilder servers = new StringBuilder();
        instances.forEach((name, instance) -> servers.append("    server ")
                .append(name)
                .append(" 127.0.0.1:")
                .append(instance.port())
                .append(" check\n"));
        return Pgbouncer.writeReadable(work.resolve("haproxy.cfg"), """
                global
                    maxconn 512

                defaults
                    mode http
                    timeout connect 1s
                    timeout client 30s
                    timeout server 30s
                    retries 3
                    option redispatch
                    option forwardfor

                frontend api
                    bind 127.0.0.1:%d
                    default_backend instances

                backend instances
                    balance roundrobin
                    option httpchk GET /health/ready
                    http-check expect status 200
                    timeout check 2s
                    default-server inter 300ms fall 3 rise 2
                    http-response set-header X-Instance %%s
                %s""".formatted(port, servers));
    }
}
