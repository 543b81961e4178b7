package com.acme.orders.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.security.RouteRole;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API: the one place that creates the server, configures it and lists its routes and hooks. What a hook or
 * the error mapping does lives in a class of its own ({@link RequestHygiene}, {@link BearerAuthentication},
 * {@link ProblemResponses}, {@link CorsPolicy}), which the controllers use directly, never through this class.
 */
public final class HttpApi {

    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);

    private final HttpSettings settings;
    private final Javalin app;

    public HttpApi(
            HttpSettings settings,
            UseCases useCases,
            AccessTokens tokens,
            byte[] cursorSecret,
            BooleanSupplier ready,
            HttpMetrics metrics) {
        this.settings = Objects.requireNonNull(settings, "settings");
        ObjectMapper mapper = Json.mapper();
        RequestHygiene hygiene = new RequestHygiene(metrics);
        BearerAuthentication authentication = new BearerAuthentication(tokens, useCases.accounts());
        ProblemResponses problems = new ProblemResponses(mapper);
        JsonBodies bodies = new JsonBodies(mapper);
        AuthController auth = new AuthController(useCases.accounts(), tokens, bodies, settings.trustedProxies());
        OrderController orders = new OrderController(
                useCases.orders(), useCases.ordersOnce(), bodies, new PageCursors(cursorSecret), mapper);
        EventController events = new EventController(useCases.events(), new EventCursors(cursorSecret));
        WebhookController webhooks = new WebhookController(useCases.webhooks(), bodies);
        HealthController health = new HealthController(settings.version(), ready);
        ApiDocumentation documentation = new ApiDocumentation(settings.version());
        ServerErrors serverErrors = new ServerErrors(problems, hygiene);

        this.app = Javalin.create(config -> {
            Listener.configure(
                    config,
                    settings.host(),
                    settings.port(),
                    settings.limits(),
                    settings.stopTimeout(),
                    mapper,
                    hygiene,
                    problems,
                    serverErrors);
            config.jetty.modifyServer(server ->
                    server.insertHandler(new InFlightLimit(settings.maxOrderRequestsInFlight(), serverErrors)));
            ApiDocumentation.serveAssets(config);
            CorsPolicy.apply(config, settings.corsAllowedOrigins());

            config.routes.beforeMatched(authentication::authenticate);

            Routes routes = new Routes(config.routes);
            routes.get("/", health::root);
            routes.get("/health/live", health::live);
            routes.get("/health/ready", health::ready);
            if (settings.servesMetrics()) {
                routes.get("/metrics", metrics::serve);
            }
            routes.get("/openapi.json", documentation::json);
            routes.get("/openapi.yaml", documentation::yaml);
            routes.get(ApiDocumentation.SWAGGER_UI_PATH, documentation::swaggerUi);
            routes.get(ApiDocumentation.REDOC_PATH, documentation::redoc);
            config.routes.post("/auth/register", auth::register);
            config.routes.post("/auth/login", auth::logIn);
            config.routes.post("/auth/refresh", auth::refresh);
            config.routes.post("/auth/logout", auth::logOut, BearerAuthentication.REQUIRED);
            routes.get("/auth/me", auth::me, BearerAuthentication.REQUIRED);
            config.routes.post("/orders", orders::place, BearerAuthentication.REQUIRED);
            routes.get("/orders", orders::list, BearerAuthentication.REQUIRED);
            routes.get("/orders/{id}", orders::get, BearerAuthentication.REQUIRED);
            config.routes.patch("/orders/{id}/cancel", orders::cancel, BearerAuthentication.REQUIRED);
            routes.get("/orders/{id}/history", orders::history, BearerAuthentication.REQUIRED);
            routes.get("/events", events::list, BearerAuthentication.REQUIRED);
            config.routes.post("/webhooks", webhooks::register, BearerAuthentication.REQUIRED);
            routes.get("/webhooks", webhooks::list, BearerAuthentication.REQUIRED);
            routes.get("/webhooks/{id}", webhooks::get, BearerAuthentication.REQUIRED);
            config.routes.delete("/webhooks/{id}", webhooks::delete, BearerAuthentication.REQUIRED);
            routes.get("/webhooks/{id}/deliveries", webhooks::deliveries, BearerAuthentication.REQUIRED);
        });
    }

    /** Starts listening; returns once the server accepts connections. */
    public HttpApi start() {
        app.start();
        log.info("HTTP API listening on {}:{}", settings.host(), app.port());
        return this;
    }

    /** Stops accepting connections and lets requests in flight finish, up to the stop timeout. */
    public void stop() {
        app.stop();
    }

    public int port() {
        return app.port();
    }

    /** Every route the API serves, as {@code METHOD path}; the OpenAPI tests compare it with the document. */
    public List<String> routes() {
        return routesOf(app);
    }

    static List<String> routesOf(Javalin app) {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                .toList();
    }

    /**
     * The route table's GET: every GET route is a HEAD route too, with the same handler and roles, so that HEAD is
     * authenticated and answered as GET is (Jetty sends the headers without the body) and is measured under its route.
     * Javalin alone answers a HEAD of a GET route with an empty 200 before any hook that needs the route runs.
     */
    record Routes(RoutesConfig routes) {

        void get(String path, Handler handler, RouteRole... roles) {
            routes.get(path, handler, roles);
            routes.head(path, handler, roles);
        }
    }
}
