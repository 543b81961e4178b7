package com.acme.orders.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management listener: {@code GET /metrics}, which only operators' scrapers may reach, and the health endpoints,
 * on an address the load balancer does not expose. The API's listener keeps the health endpoints too, for the load
 * balancer. Every other path is a 404 problem+json, and every answer has the request id and the hygiene headers, as
 * on the API's listener; nothing here is shed.
 */
public final class ManagementApi {

    private static final Logger log = LoggerFactory.getLogger(ManagementApi.class);

    private final ManagementSettings settings;
    private final Javalin app;

    /** @param api the API's settings, whose version, stop timeout and connection limits this listener shares */
    public ManagementApi(ManagementSettings settings, HttpSettings api, BooleanSupplier ready, HttpMetrics metrics) {
        this.settings = Objects.requireNonNull(settings, "settings");
        ObjectMapper mapper = Json.mapper();
        RequestHygiene hygiene = new RequestHygiene(metrics);
        ProblemResponses problems = new ProblemResponses(mapper);
        ServerErrors serverErrors = new ServerErrors(problems, hygiene);
        HealthController health = new HealthController(api.version(), ready);
        this.app = Javalin.create(config -> {
            Listener.configure(
                    config,
                    settings.host(),
                    settings.port(),
                    api.limits(),
                    api.stopTimeout(),
                    mapper,
                    hygiene,
                    problems,
                    serverErrors);
            HttpApi.Routes routes = new HttpApi.Routes(config.routes);
            routes.get("/metrics", metrics::serve);
            routes.get("/health/live", health::live);
            routes.get("/health/ready", health::ready);
        });
    }

    /** Starts listening; returns once the listener accepts connections. */
    public ManagementApi start() {
        app.start();
        log.info("Management listener on {}:{}", settings.host(), app.port());
        return this;
    }

    public void stop() {
        app.stop();
    }

    public int port() {
        return app.port();
    }

    /** Every route this listener serves, as {@code METHOD path}. */
    public List<String> routes() {
        return HttpApi.routesOf(app);
    }
}
