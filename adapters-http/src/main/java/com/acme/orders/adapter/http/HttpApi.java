package com.acme.orders.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.server.Server;
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
        AuthController auth =
                new AuthController(useCases.accounts(), tokens, bodies, new LoginThrottle(settings.loginThrottle()));
        OrderController orders = new OrderController(
                useCases.orders(), useCases.ordersOnce(), bodies, new PageCursors(cursorSecret), mapper);
        HealthController health = new HealthController(settings.version(), ready);
        ApiDocumentation documentation = new ApiDocumentation(settings.version());

        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.jsonMapper(new JavalinJackson(mapper, true));
            config.http.maxRequestSize = HttpSettings.MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.http.defaultContentType = "application/json";
            config.router.ignoreTrailingSlashes = false;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
            });
            config.jetty.modifyServer(
                    server -> configureShutdown(server, settings.stopTimeout().toMillis()));
            config.requestLogger.http(hygiene::logAccess);
            ApiDocumentation.serveAssets(config);
            CorsPolicy.apply(config, settings.corsAllowedOrigins());

            config.routes.before(hygiene::assignRequestId);
            config.routes.before(RequestHygiene::addHeaders);
            config.routes.before("/auth/login", auth::admitAddress);
            config.routes.before("/auth/register", auth::admitAddress);
            config.routes.beforeMatched(authentication::authenticate);

            config.routes.get("/", health::root);
            config.routes.get("/health/live", health::live);
            config.routes.get("/health/ready", health::ready);
            config.routes.get(
                    "/metrics", ctx -> ctx.contentType(HttpMetrics.CONTENT_TYPE).result(metrics.scrape()));
            config.routes.get("/openapi.json", documentation::json);
            config.routes.get("/openapi.yaml", documentation::yaml);
            config.routes.get(ApiDocumentation.SWAGGER_UI_PATH, documentation::swaggerUi);
            config.routes.get(ApiDocumentation.REDOC_PATH, documentation::redoc);
            config.routes.post("/auth/register", auth::register);
            config.routes.post("/auth/login", auth::logIn);
            config.routes.post("/orders", orders::place, BearerAuthentication.REQUIRED);
            config.routes.get("/orders", orders::list, BearerAuthentication.REQUIRED);
            config.routes.get("/orders/{id}", orders::get, BearerAuthentication.REQUIRED);
            config.routes.patch("/orders/{id}/cancel", orders::cancel, BearerAuthentication.REQUIRED);
            config.routes.get("/orders/{id}/history", orders::history, BearerAuthentication.REQUIRED);

            // Javalin maps its own HttpResponseExceptions (404, 405, 413...) unless that exact type has a handler.
            config.routes.exception(HttpResponseException.class, problems::answer);
            config.routes.exception(Exception.class, problems::answer);
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
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                .toList();
    }

    /** The service's own shutdown runs the stop, in its order: Jetty must not stop itself on SIGTERM first. */
    private static void configureShutdown(Server server, long stopTimeoutMillis) {
        server.setStopTimeout(stopTimeoutMillis);
        server.setStopAtShutdown(false);
    }
}
