import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Event-to-delivery latency of webhooks while orders are created at a steady rate: a receiver on loopback, one webhook
 * (all event types) per token, and an open-loop load of {@code POST /orders} at RATE per second for SECONDS, spread
 * over the tokens' users, each request sent at its scheduled instant whatever the earlier ones are doing (so that a
 * slow service is not hidden by a slower load). A delivery's latency is its arrival at the receiver less the event's
 * {@code created_at} (the instant of the change, taken before its commit, on the same machine's clock).
 *
 * <p>Prints {@code WEBHOOK_RESULT rate=R seconds=S created=N create_errors=E events=M delivered=D p50_ms=..
 * p99_ms=.. max_ms=.. created_p99_ms=.. machine_cores=.. service_cores=.. generator_cores=.. rest_cores=..} once every
 * event of the orders placed has arrived, or 60 s after the load
 * ends; the webhooks are deleted at the end. {@code created_p99_ms} is the p99 of the {@code order.created} events
 * alone. On standard error, {@code WEBHOOK_TIMELINE} lines give the latencies per 5 seconds of creation.
 *
 * <p>Run from the repository's root: {@code java -cp bootstrap/target/order-service.jar bench/WebhookLatency.java
 * BASE_URL TOKEN_FILE RATE SECONDS WARMUP [SERVICE_PID [SETTLED [WARMUP_MAX]]]} (TOKEN_FILE: one access token a
 * line; the same load first, for the JIT, not measured: at least WARMUP seconds, in slices of 10 s until one keeps
 * SERVICE_PID's JIT compiler threads under SETTLED of a core (0.05), at most WARMUP_MAX seconds (300)). The cores are CPU seconds per second of the measured load: the whole
 * machine's, the service's (SERVICE_PID's), this process's (load and receiver) and the rest (PostgreSQL, the kernel,
 * anything else running). The service must allow private webhook
 * targets ({@code WEBHOOK_ALLOW_PRIVATE_TARGETS=true}), as the receiver is on loopback.
 */
public class WebhookLatency {

    record Arrival(String type, Instant createdAt, Instant at) {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> tokens = Files.readAllLines(Path.of(args[1])).stream()
                .filter(line -> !line.isBlank())
                .toList();
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        long servicePid = args.length > 5 ? Long.parseLong(args[5]) : 0;
        double settled = args.length > 6 ? Double.parseDouble(args[6]) : 0.05;
        int warmupMax = args.length > 7 ? Integer.parseInt(args[7]) : 300;
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/", (HttpExchange exchange) -> {
            Instant at = Instant.now();
            JsonNode event = json.readTree(exchange.getRequestBody().readAllBytes());
            arrivals.add(new Arrival(
                    event.path("type").asText(), Instant.parse(event.path("created_at").asText()), at));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";

        List<String> webhooks = new ArrayList<>();
        for (String token : tokens) {
            HttpResponse<String> registered =
                    send(http, base, "POST", "/webhooks", "{\"url\":\"" + url + "\"}", token);
            if (registered.statusCode() != 201) {
                throw new IllegalStateException("registering the webhook: " + registered.statusCode() + " "
                        + registered.body());
            }
            webhooks.add(json.readTree(registered.body()).path("id").asText());
        }

        // The JIT's warm-up at the same rate, in slices, until a slice keeps the service's compiler threads under
        // `settled` of a core (after at least `warmup` seconds, at most `warmupMax`): on two cores a JIT still
        // compiling takes a third of the service's CPU and leaves a backlog the measured minute inherits. What it
        // delivers is not measured, and the measured minute starts once its deliveries have stopped arriving.
        int warmedUp = 0;
        double jitShare;
        do {
            double jitBefore = jitSeconds(servicePid);
            load(http, base, tokens, rate, WARMUP_SLICE_SECONDS);
            warmedUp += WARMUP_SLICE_SECONDS;
            jitShare = (jitSeconds(servicePid) - jitBefore) / WARMUP_SLICE_SECONDS;
            System.err.printf(Locale.ROOT, "WEBHOOK_WARMUP after=%ds jit_core=%.3f%n", warmedUp, jitShare);
        } while ((warmedUp < warmup || jitShare >= settled) && warmedUp < warmupMax);
        awaitQuiet(arrivals, Duration.ofSeconds(60), () -> true);
        arrivals.clear();
        Cpu before = Cpu.now(servicePid);
        double jitBefore = jitSeconds(servicePid);
        Load measured = load(http, base, tokens, rate, seconds);
        Cpu during = Cpu.now(servicePid).since(before);
        double measuredJitShare = (jitSeconds(servicePid) - jitBefore) / during.seconds();
        AtomicInteger created = measured.created();
        AtomicInteger createErrors = measured.errors();
        double loadSeconds = measured.seconds();
        // every order placed here has its order.created event; those the processing job reaches add theirs
        awaitQuiet(arrivals, Duration.ofSeconds(60), () -> arrivals.stream()
                        .filter(a -> a.type().equals("order.created"))
                        .count()
                >= created.get());
        receiver.stop(0);
        for (int i = 0; i < webhooks.size(); i++) {
            send(http, base, "DELETE", "/webhooks/" + webhooks.get(i), null, tokens.get(i));
        }

        List<Long> all = new ArrayList<>();
        List<Long> ofCreated = new ArrayList<>();
        for (Arrival arrival : arrivals) {
            long ms = Duration.between(arrival.createdAt(), arrival.at()).toMillis();
            all.add(ms);
            if (arrival.type().equals("order.created")) {
                ofCreated.add(ms);
            }
        }
        Collections.sort(all);
        Collections.sort(ofCreated);
        timeline(arrivals);
        System.out.printf(Locale.ROOT,
                "WEBHOOK_RESULT rate=%d seconds=%.1f created=%d create_errors=%d delivered=%d created_delivered=%d "
                        + "p50_ms=%d p99_ms=%d max_ms=%d created_p50_ms=%d created_p99_ms=%d "
                        + "machine_cores=%.2f service_cores=%.2f generator_cores=%.2f rest_cores=%.2f "
                        + "warmup_s=%d jit_core=%.3f%n",
                rate, loadSeconds, created.get(), createErrors.get(), all.size(), ofCreated.size(),
                percentile(all, 0.50), percentile(all, 0.99), all.isEmpty() ? -1 : all.getLast(),
                percentile(ofCreated, 0.50), percentile(ofCreated, 0.99),
                during.machine() / during.seconds(), during.service() / during.seconds(),
                during.self() / during.seconds(),
                (during.machine() - during.service() - during.self()) / during.seconds(),
                warmedUp, measuredJitShare);
        System.exit(0);
    }

    static final int WARMUP_SLICE_SECONDS = 10;

    /**
     * Returns once {@code enough} holds and no delivery has arrived for 2 s, or after {@code atMost}.
     */
    static void awaitQuiet(ConcurrentLinkedQueue<Arrival> arrivals, Duration atMost, BooleanSupplier enough)
            throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        int lastSeen = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            int seen = arrivals.size();
            if (seen != lastSeen) {
                lastSeen = seen;
                quietSince = System.nanoTime();
            }
            if (System.nanoTime() - quietSince > 2_000_000_000L && enough.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
    }

    /** CPU seconds used so far by the JIT compiler threads of process {@code pid} (C1 and C2); 0 without a pid. */
    static double jitSeconds(long pid) throws IOException {
        if (pid <= 0) {
            return 0;
        }
        double ticks = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        ticks += cpuTicks(task.resolve("stat"));
                    }
                } catch (NoSuchFileException e) {
                    // a compiler thread that ended meanwhile
                }
            }
        }
        return ticks / 100.0;
    }

    /** User and system time, in clock ticks, from a process's or thread's {@code stat} file. */
    static long cpuTicks(Path stat) throws IOException {
        String line = Files.readString(stat);
        // the fields after the command name, which is in parentheses and may hold spaces
        String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    record Load(AtomicInteger created, AtomicInteger errors, double seconds) {}

    /**
     * CPU seconds used so far by the machine (all but idle and iowait, from /proc/stat), the service (its
     * /proc/PID/stat; 0 without a pid) and this process (load generator and receiver), at an instant; or, from
     * {@link #since}, over an interval of {@code seconds}.
     */
    record Cpu(double machine, double service, double self, double seconds) {
        static Cpu now(long servicePid) throws IOException {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            double machine = (Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3])
                            + Long.parseLong(cpu[6]) + Long.parseLong(cpu[7]) + Long.parseLong(cpu[8]))
                    / 100.0;
            double service = 0;
            if (servicePid > 0) {
                service = cpuTicks(Path.of("/proc/" + servicePid + "/stat")) / 100.0;
            }
            double self = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e9;
            return new Cpu(machine, service, self, System.nanoTime() / 1e9);
        }

        Cpu since(Cpu start) {
            return new Cpu(machine - start.machine, service - start.service, self - start.self,
                    seconds - start.seconds);
        }
    }

    /** RATE creations a second for SECONDS, open loop, over the tokens in rotation; returns once all are answered. */
    private static Load load(HttpClient http, String base, List<String> tokens, int rate, int seconds)
            throws InterruptedException {
        AtomicInteger created = new AtomicInteger();
        AtomicInteger createErrors = new AtomicInteger();
        AtomicInteger pending = new AtomicInteger();
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        for (long i = 0; i < total; i++) {
            long due = start + i * 1_000_000_000L / rate;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            String token = tokens.get((int) (i % tokens.size()));
            pending.incrementAndGet();
            http.sendAsync(request(base, "POST", "/orders", "{\"product_name\":\"Webhook bench\",\"amount\":19.99}",
                            token), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        if (failure == null && response.statusCode() == 201) {
                            created.incrementAndGet();
                        } else if (createErrors.incrementAndGet() <= 3) {
                            System.err.println("a creation failed: "
                                    + (failure != null ? failure : response.statusCode()));
                        }
                        pending.decrementAndGet();
                    });
        }
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        while (pending.get() > 0) {
            Thread.sleep(10);
        }
        return new Load(created, createErrors, loadSeconds);
    }

    /**
     * On standard error, one line per 5 seconds of the events' creation: how many, their p50, p99 and longest; a tail
     * that comes from a stall shows as one or two slow buckets, one from a lack of capacity as a climb.
     */
    private static void timeline(Iterable<Arrival> arrivals) {
        java.util.TreeMap<Long, List<Long>> buckets = new java.util.TreeMap<>();
        for (Arrival arrival : arrivals) {
            buckets.computeIfAbsent(arrival.createdAt().getEpochSecond() / 5 * 5, k -> new ArrayList<>())
                    .add(Duration.between(arrival.createdAt(), arrival.at()).toMillis());
        }
        buckets.forEach((second, latencies) -> {
            Collections.sort(latencies);
            System.err.printf(Locale.ROOT, "WEBHOOK_TIMELINE at=%s events=%d p50_ms=%d p99_ms=%d max_ms=%d%n",
                    Instant.ofEpochSecond(second), latencies.size(), percentile(latencies, 0.50),
                    percentile(latencies, 0.99), latencies.getLast());
        });
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? -1 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    private static HttpRequest request(String base, String method, String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return request.build();
    }

    private static HttpResponse<String> send(HttpClient http, String base, String method, String path, String body,
            String token) throws IOException, InterruptedException {
        return http.send(request(base, method, path, body, token), HttpResponse.BodyHandlers.ofString());
    }
}
