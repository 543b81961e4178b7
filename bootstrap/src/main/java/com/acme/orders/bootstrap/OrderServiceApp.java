package com.acme.orders.bootstrap;

import com.acme.orders.adapter.http.AccessTokens;
import com.acme.orders.adapter.http.HttpApi;
import com.acme.orders.adapter.http.HttpMetrics;
import com.acme.orders.adapter.http.ManagementApi;
import com.acme.orders.adapter.http.UseCases;
import com.acme.orders.adapter.password.BcryptPasswordHasher;
import com.acme.orders.adapter.persistence.Database;
import com.acme.orders.adapter.persistence.DatabaseSettings;
import com.acme.orders.adapter.persistence.EmbeddedDatabase;
import com.acme.orders.adapter.persistence.PgEventSignals;
import com.acme.orders.adapter.scheduler.OrderProcessingScheduler;
import com.acme.orders.adapter.scheduler.ProcessingRunListener;
import com.acme.orders.adapter.scheduler.SchedulerStartupException;
import com.acme.orders.adapter.scheduler.WebhookDeliveryWorker;
import com.acme.orders.adapter.webhooks.HttpEventSender;
import com.acme.orders.adapter.webhooks.PublicTargets;
import com.acme.orders.application.port.in.processing.ProcessingSummary;
import com.acme.orders.application.port.out.AttemptLimiter;
import com.acme.orders.application.port.out.WebhookDeliveries;
import com.acme.orders.application.service.DeliverySettings;
import com.acme.orders.application.service.EventService;
import com.acme.orders.application.service.HousekeepingService;
import com.acme.orders.application.service.LoginLimits;
import com.acme.orders.application.service.OrderProcessingService;
import com.acme.orders.application.service.OrderService;
import com.acme.orders.application.service.PlaceOrderOnceService;
import com.acme.orders.application.service.UserService;
import com.acme.orders.application.service.WebhookDeliveryService;
import com.acme.orders.application.service.WebhookService;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole service, wired by hand in dependency order: database, password hasher, use cases, HTTP API. Tests start
 * and stop it like {@code main} does.
 */
public final class OrderServiceApp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OrderServiceApp.class);

    private final Deque<AutoCloseable> stopOrder = new ArrayDeque<>();
    private final HttpApi http;
    private final Optional<ManagementApi> management;
    private final Database database;
    private final OrderProcessingScheduler scheduler;
    private final OrderProcessingService processing;
    private final WebhookDeliveryWorker deliveryWorker;
    private final Duration drain;
    private volatile boolean accepting;
    private volatile boolean schedulerStarted;

    private OrderServiceApp(AppConfig config, Clock clock, ProcessingRunListener runListener) {
        this.drain = config.shutdownDrain();
        try {
            // one registry for the whole service, scraped by GET /metrics of the management listener; adapters see only
            // MeterRegistry
            PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            stopOrder.push(meters::close);
            stopOrder.push(observeJvm(meters));

            DatabaseSettings databaseSettings = config.database().orElseGet(() -> {
                EmbeddedDatabase embedded =
                        EmbeddedDatabase.start(config.dataDir().resolve("postgres"), 0);
                stopOrder.push(embedded);
                return embedded.settings().withMaximumPoolSize(config.databasePoolSize());
            });
            database = Database.connect(databaseSettings, config.pooler(), meters);
            stopOrder.push(database);

            BcryptPasswordHasher hasher = new BcryptPasswordHasher(config.bcrypt());
            stopOrder.push(hasher);
            if (config.bcrypt().cost() < 10) {
                log.warn(
                        "BCRYPT_COST={} is below 10: fine for tests, too weak for production",
                        config.bcrypt().cost());
            }

            // the log-in limits count in the database, so that they hold across every instance sharing it
            AttemptLimiter attempts = database.attemptLimiter(clock);
            String secret = config.secretKey().orElseGet(() -> {
                log.warn(
                        "SECRET_KEY is not set: signing tokens with the development key kept in {}; "
                                + "set SECRET_KEY in production",
                        config.dataDir().resolve(DevelopmentSecret.FILE_NAME));
                return DevelopmentSecret.loadOrCreate(config.dataDir());
            });
            byte[] secretBytes = secret.getBytes(StandardCharsets.UTF_8);

            UserService users = new UserService(
                    database.users(),
                    database.refreshTokens(),
                    database.transactions(),
                    hasher,
                    config.sessions(),
                    new LoginLimits(attempts, config.loginLimits()),
                    clock);
            OrderService orders = new OrderService(database.orders(), database.transactions(), clock);
            PlaceOrderOnceService ordersOnce =
                    new PlaceOrderOnceService(orders, database.idempotencyKeys(), database.transactions(), clock);
            PgEventSignals signals = PgEventSignals.start(database);
            stopOrder.push(signals);
            EventService events = new EventService(database.events(), signals, clock);
            PublicTargets targets = new PublicTargets(config.webhooks().allowPrivateTargets());
            WebhookService webhooks = new WebhookService(
                    database.webhooks(secretBytes), targets, database.transactions(), new SecureRandom(), clock);
            UseCases useCases = new UseCases(users, orders, ordersOnce, events, webhooks);

            WebhookDeliveries webhookDeliveries = database.webhookDeliveries(secretBytes);
            WebhookDeliveryService deliveries = new WebhookDeliveryService(
                    webhookDeliveries,
                    new HttpEventSender(config.webhooks().sender(), targets),
                    signals,
                    DeliverySettings.forTimeout(
                            config.webhooks().sender().timeout(),
                            config.webhooks().retries()),
                    new WebhookMetrics(meters, webhookDeliveries, clock),
                    Thread.ofVirtual()
                            .name("webhook-delivery-", 0)
                            .uncaughtExceptionHandler((thread, failure) ->
                                    log.error("A webhook delivery attempt failed unexpectedly", failure))
                            .factory(),
                    clock);
            // at a stop, after the worker stopped claiming: the attempts in flight may finish and be recorded
            stopOrder.push(
                    () -> deliveries.awaitInFlight(config.webhooks().sender().timeout()));
            deliveryWorker = new WebhookDeliveryWorker(deliveries);

            processing = new OrderProcessingService(database.orders(), config.processing(), clock);
            HikariDataSource quartzPool = database.dedicatedPool("quartz", 3);
            stopOrder.push(quartzPool);
            scheduler = new OrderProcessingScheduler(
                    processing,
                    new HousekeepingService(attempts, database.refreshTokens(), clock),
                    quartzPool,
                    config.scheduler(),
                    bothListeners(new ProcessingMetrics(meters), runListener),
                    clock);
            stopOrder.push(scheduler);

            AccessTokens tokens = new AccessTokens(secretBytes, config.tokens(), clock);
            HttpMetrics metrics = new HttpMetrics(meters, meters::scrape);
            http = new HttpApi(config.http(), useCases, tokens, secretBytes, this::isReady, metrics);
            management = config.management()
                    .map(settings -> new ManagementApi(settings, config.http(), this::isReady, metrics));
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    /** Memory, GC, threads, class loading, CPU and uptime; the returned handle stops watching the GC. */
    private static AutoCloseable observeJvm(MeterRegistry meters) {
        new JvmMemoryMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ClassLoaderMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        new UptimeMetrics().bindTo(meters);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(meters);
        return gc;
    }

    private static ProcessingRunListener bothListeners(ProcessingRunListener first, ProcessingRunListener second) {
        return (started, finished, summary) -> {
            first.runFinished(started, finished, summary);
            second.runFinished(started, finished, summary);
        };
    }

    /** Builds and starts the service; returns when it accepts requests. */
    public static OrderServiceApp start(AppConfig config) {
        return start(config, Clock.systemUTC());
    }

    public static OrderServiceApp start(AppConfig config, Clock clock) {
        return start(config, clock, ProcessingRunListener.NONE);
    }

    /** As {@link #start(AppConfig, Clock)}, telling {@code runListener} about every processing run. */
    public static OrderServiceApp start(AppConfig config, Clock clock, ProcessingRunListener runListener) {
        long started = System.nanoTime();
        OrderServiceApp app = new OrderServiceApp(config, clock, runListener);
        try {
            app.startScheduler();
            app.stopOrder.push(app.deliveryWorker.start());
            app.management.ifPresent(listener -> {
                listener.start();
                app.stopOrder.push(listener::stop);
            });
            app.http.start();
        } catch (RuntimeException e) {
            app.closeQuietly();
            throw e;
        }
        app.stopOrder.push(app.http::stop);
        app.accepting = true;
        log.info(
                "Order service {} ready on port {} in {} ms; metrics on port {}",
                AppConfig.VERSION,
                app.port(),
                Duration.ofNanos(System.nanoTime() - started).toMillis(),
                app.managementPort());
        return app;
    }

    public int port() {
        return http.port();
    }

    /** The management listener's port; the API's when it serves the metrics itself. */
    public int managementPort() {
        return management.map(ManagementApi::port).orElseGet(http::port);
    }

    /** The routes the two listeners serve (each once), for the documentation tests. */
    public List<String> routes() {
        Set<String> routes = new LinkedHashSet<>(http.routes());
        management.ifPresent(listener -> routes.addAll(listener.routes()));
        return List.copyOf(routes);
    }

    /**
     * Starts the processing job after the migrations ran. A scheduler that cannot start does not stop the API: the
     * service keeps answering, and reports not ready until an operator restarts it.
     */
    private void startScheduler() {
        try {
            scheduler.start();
            schedulerStarted = true;
        } catch (SchedulerStartupException e) {
            log.error("The order processing scheduler did not start; reporting not ready", e);
        }
    }

    /** Runs the processing job's use case once, now, on this instance (operations and tests). */
    public ProcessingSummary processPendingOrdersNow() {
        return processing.processPendingOrders();
    }

    private boolean isReady() {
        return accepting && schedulerStarted && scheduler.isRunning() && database.isReachable();
    }

    /**
     * Stops in reverse order of start: readiness turns false at once, the HTTP server lets requests in flight finish,
     * then the hasher's pool, the connection pool and the embedded database close.
     */
    public synchronized void stop() {
        if (stopOrder.isEmpty()) {
            return;
        }
        accepting = false;
        log.info("Order service stopping: not ready, draining for {} s", drain.toSeconds());
        try {
            // still serving, but reporting not ready: a load balancer routes elsewhere before connections are refused
            Thread.sleep(drain.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly();
        log.info("Order service stopped");
    }

    @Override
    public void close() {
        stop();
    }

    private void closeQuietly() {
        while (!stopOrder.isEmpty()) {
            AutoCloseable next = stopOrder.pop();
            try {
                next.close();
            } catch (Exception e) {
                log.warn("Failure while stopping {}", next.getClass().getSimpleName(), e);
            }
        }
    }
}
