package com.acme.orders.adapter.http;

import com.acme.orders.application.port.in.account.AuthenticateUseCase;
import com.acme.orders.application.port.in.account.InvalidCredentialsException;
import com.acme.orders.application.port.in.order.IdempotencyKeyInFlightException;
import com.acme.orders.application.port.in.order.IdempotencyKeyReusedException;
import com.acme.orders.application.port.in.order.OrderNotFoundException;
import com.acme.orders.application.port.out.StorageUnavailableException;
import com.acme.orders.domain.order.IllegalOrderTransitionException;
import com.acme.orders.domain.shared.InvalidValueException;
import com.acme.orders.domain.user.EmailAlreadyRegisteredException;
import com.acme.orders.domain.user.UserId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.JavalinStaticResourceHandler;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.javalin.security.RouteRole;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The REST API: owns the Javalin server, the routes, the bearer-token hook and the one mapping from every failure
 * to an RFC 9457 problem detail. Nothing else in the service creates a server or writes an error response.
 */
public final class HttpApi {

    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
    private static final Logger accessLog = LoggerFactory.getLogger("access");

    static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final String REQUEST_ID = "request_id";
    private static final String CALLER = "caller";
    private static final String BEARER_CHALLENGE = "Bearer realm=\"order-service\"";

    private enum Access implements RouteRole {
        AUTHENTICATED
    }

    private final HttpSettings settings;
    private final AccessTokens tokens;
    private final AuthenticateUseCase authenticate;
    private final ObjectMapper mapper;
    private final HttpMetrics metrics;
    private final Javalin app;

    public HttpApi(
            HttpSettings settings,
            UseCases useCases,
            AccessTokens tokens,
            byte[] cursorSecret,
            BooleanSupplier ready,
            HttpMetrics metrics) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.authenticate = useCases.accounts();
        this.mapper = Json.mapper();
        JsonBodies bodies = new JsonBodies(mapper);
        LoginThrottle throttle = new LoginThrottle(settings.loginThrottle());
        AuthController auth = new AuthController(useCases.accounts(), tokens, bodies, throttle);
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
            config.requestLogger.http(this::logAccess);

            // Javalin's own static file handler reads the class path through the class loader. Jetty's, the default,
            // mounts the whole jar as a zip file system first: 15,000 entries, about 0.6 s of every start-up
            // (docs/performance.md). Javalin runs its static-file tests against both.
            config.resourceHandler(new JavalinStaticResourceHandler());
            config.staticFiles.add(files -> {
                files.hostedPath = ApiDocumentation.WEBJARS_PATH;
                files.directory = "META-INF/resources/webjars";
                files.location = Location.CLASSPATH;
                // the webjar's own demo page and initializer would load the Petstore document from the internet; a
                // directory's URL would serve that page as its welcome file
                files.skipFileFunction = request -> request.getRequestURI().endsWith("/index.html")
                        || request.getRequestURI().endsWith("/swagger-initializer.js")
                        || request.getRequestURI().endsWith("/");
            });
            config.staticFiles.add(files -> {
                files.hostedPath = ApiDocumentation.ASSETS_PATH;
                files.directory = "api-docs";
                files.location = Location.CLASSPATH;
            });

            if (!settings.corsAllowedOrigins().isEmpty()) {
                config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                    settings.corsAllowedOrigins().forEach(origin -> rule.allowHost(origin));
                    rule.exposeHeader(REQUEST_ID_HEADER);
                    rule.exposeHeader("Location");
                    rule.exposeHeader("Retry-After");
                }));
            }

            config.routes.before(this::assignRequestId);
            config.routes.before(HttpApi::addSecurityHeaders);
            config.routes.before("/auth/login", ctx -> throttleAddress(throttle, ctx));
            config.routes.before("/auth/register", ctx -> throttleAddress(throttle, ctx));
            config.routes.beforeMatched(this::authenticate);

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
            config.routes.post("/orders", orders::place, Access.AUTHENTICATED);
            config.routes.get("/orders", orders::list, Access.AUTHENTICATED);
            config.routes.get("/orders/{id}", orders::get, Access.AUTHENTICATED);
            config.routes.patch("/orders/{id}/cancel", orders::cancel, Access.AUTHENTICATED);
            config.routes.get("/orders/{id}/history", orders::history, Access.AUTHENTICATED);

            // Javalin maps its own HttpResponseExceptions (404, 405, 413...) unless that exact type has a handler.
            config.routes.exception(HttpResponseException.class, this::handleFailure);
            config.routes.exception(Exception.class, this::handleFailure);
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

    /** The authenticated caller; set by the hook before any handler of a protected route runs. */
    static UserId caller(Context ctx) {
        UserId caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw new IllegalStateException("route " + ctx.path() + " reached a handler without authentication");
        }
        return caller;
    }

    private static void configureShutdown(Server server, long stopTimeoutMillis) {
        server.setStopTimeout(stopTimeoutMillis);
        server.setStopAtShutdown(false);
    }

    private void assignRequestId(Context ctx) {
        String offered = ctx.header(REQUEST_ID_HEADER);
        String requestId = offered != null && SANE_REQUEST_ID.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
        ctx.attribute(REQUEST_ID, requestId);
        ctx.header(REQUEST_ID_HEADER, requestId);
        MDC.put(REQUEST_ID, requestId);
    }

    /**
     * The hygiene headers every response carries, set before any handler and again by {@link #respond}, so that an
     * answer from the error mapping has them too.
     */
    private static void addSecurityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", contentSecurityPolicy(ctx.path()));
        ctx.header("Cache-Control", "no-store");
    }

    /**
     * JSON answers may load nothing at all. The documentation pages may load scripts, styles and the document from this
     * origin only (so never from a CDN); Swagger UI and ReDoc need inline styles, {@code data:} images and, for ReDoc's
     * search, a worker built from a blob.
     */
    static String contentSecurityPolicy(String path) {
        if (ApiDocumentation.isPage(path)) {
            return "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                    + "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; base-uri 'none'; "
                    + "form-action 'none'; frame-ancestors 'none'";
        }
        return "default-src 'none'; frame-ancestors 'none'";
    }

    /** Counts log-in and registration per client address; only POSTs reach a handler, so only they count. */
    private static void throttleAddress(LoginThrottle throttle, Context ctx) {
        if (ctx.method().equals(HandlerType.POST)) {
            throttle.admitAddress(ctx.ip());
        }
    }

    private void authenticate(Context ctx) {
        if (!ctx.routeRoles().contains(Access.AUTHENTICATED)) {
            return;
        }
        String authorization = ctx.header("Authorization");
        if (authorization == null || authorization.isBlank()) {
            throw ApiException.unauthorized("A bearer token is required: log in at /auth/login.", BEARER_CHALLENGE);
        }
        String[] parts = WHITESPACE.split(authorization.strip(), 2);
        if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals("bearer")) {
            throw ApiException.unauthorized(
                    "The Authorization header must be 'Bearer <token>'.",
                    BEARER_CHALLENGE + ", error=\"invalid_request\"");
        }
        UserId caller = tokens.verify(parts[1].strip())
                .filter(claims -> authenticate.isCurrent(claims.userId(), claims.tokenVersion()))
                .map(AccessTokens.Claims::userId)
                .orElseThrow(() -> ApiException.unauthorized(
                        "The bearer token is invalid, revoked or expired.",
                        BEARER_CHALLENGE + ", error=\"invalid_token\""));
        ctx.attribute(CALLER, caller);
    }

    /**
     * One line and one timer sample per request, both by route template, never by raw path. The line's parts are in
     * the MDC too, so that a JSON log has them as fields.
     */
    private void logAccess(Context ctx, Float millis) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint == null) {
            endpoint = ctx.endpoints().lastHttpEndpoint();
        }
        String route = endpoint != null ? endpoint.path : HttpMetrics.UNMATCHED;
        String method = ctx.method().name();
        int status = ctx.statusCode();
        long tenths = Math.round(millis * 10.0);
        String duration = tenths / 10 + "." + tenths % 10;
        metrics.recordRequest(method, route, status, Duration.ofNanos((long) (millis * 1_000_000)));
        MDC.put("http_method", method);
        MDC.put("http_route", route);
        MDC.put("http_status", Integer.toString(status));
        MDC.put("duration_ms", duration);
        try {
            accessLog.info("{} {} {} {}ms", method, route, status, duration);
        } finally {
            MDC.remove("http_method");
            MDC.remove("http_route");
            MDC.remove("http_status");
            MDC.remove("duration_ms");
            MDC.remove(REQUEST_ID);
        }
    }

    /** The one mapping from a failure to its problem detail. */
    private void handleFailure(Exception failure, Context ctx) {
        switch (failure) {
            case ApiException e -> {
                e.headers().forEach(ctx::header);
                respond(ctx, e.type(), e.getMessage(), e.errors());
            }
            case InvalidValueException e -> respond(ctx, ProblemType.VALIDATION, e.getMessage(), null);
            case InvalidCredentialsException e -> {
                ctx.header("WWW-Authenticate", BEARER_CHALLENGE);
                respond(ctx, ProblemType.INVALID_CREDENTIALS, "Incorrect email or password.", null);
            }
            case EmailAlreadyRegisteredException e ->
                respond(ctx, ProblemType.EMAIL_TAKEN, "An account with this email address already exists.", null);
            case OrderNotFoundException e -> respond(ctx, ProblemType.ORDER_NOT_FOUND, e.getMessage() + ".", null);
            case IllegalOrderTransitionException e ->
                respond(ctx, ProblemType.ILLEGAL_TRANSITION, capitalised(e.getMessage()) + ".", null);
            case IdempotencyKeyReusedException e ->
                respond(
                        ctx,
                        ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was already used with a different request body; use a new key for a "
                                + "new order.",
                        null);
            case IdempotencyKeyInFlightException e -> {
                ctx.header("Retry-After", "1");
                respond(
                        ctx,
                        ProblemType.IDEMPOTENCY_KEY_IN_FLIGHT,
                        "A request with this Idempotency-Key is still in progress; retry shortly.",
                        null);
            }
            case HealthController.NotReadyException e -> {
                ctx.header("Retry-After", "5");
                respond(ctx, ProblemType.UNAVAILABLE, e.getMessage(), null);
            }
            case StorageUnavailableException e -> {
                log.warn("Answering 503: {}", e.getMessage());
                ctx.header("Retry-After", "5");
                respond(ctx, ProblemType.UNAVAILABLE, "The service cannot reach its database; retry shortly.", null);
            }
            case RejectedExecutionException e -> {
                ctx.header("Retry-After", "1");
                respond(ctx, ProblemType.UNAVAILABLE, "The service is busy; retry shortly.", null);
            }
            case HttpResponseException e -> respondToHttpFailure(ctx, e);
            default -> {
                log.error("Unexpected failure on {} {}", ctx.method().name(), ctx.path(), failure);
                respond(
                        ctx,
                        ProblemType.INTERNAL,
                        "An unexpected error occurred. Quote the request id when " + "reporting it.",
                        null);
            }
        }
    }

    private void respondToHttpFailure(Context ctx, HttpResponseException failure) {
        switch (failure.getStatus()) {
            case 404 -> respond(ctx, ProblemType.NOT_FOUND, "No resource at " + ctx.path() + ".", null);
            case 405 -> {
                String allowed = allowedMethods(failure.getDetails());
                ctx.header("Allow", allowed);
                respond(
                        ctx,
                        ProblemType.METHOD_NOT_ALLOWED,
                        ctx.method().name() + " is not allowed on " + ctx.path() + "; allowed: " + allowed + ".",
                        null);
            }
            case 413 ->
                respond(
                        ctx,
                        ProblemType.CONTENT_TOO_LARGE,
                        "The request body is larger than " + HttpSettings.MAX_BODY_BYTES + " bytes.",
                        null);
            default -> {
                log.error(
                        "Unexpected HTTP failure {} on {} {}",
                        failure.getStatus(),
                        ctx.method().name(),
                        ctx.path(),
                        failure);
                respond(
                        ctx,
                        ProblemType.INTERNAL,
                        "An unexpected error occurred. Quote the request id when " + "reporting it.",
                        null);
            }
        }
    }

    private static String allowedMethods(Map<String, String> details) {
        String listed = details.getOrDefault("availableMethods", "");
        return String.join(
                ", ", List.of(listed.replace("[", "").replace("]", "").split("\\s*,\\s*")));
    }

    private void respond(Context ctx, ProblemType type, String detail, List<Problem.FieldError> errors) {
        Problem problem = new Problem(
                type.uri(), type.title(), type.status(), detail, ctx.path(), ctx.attribute(REQUEST_ID), errors);
        addSecurityHeaders(ctx);
        try {
            ctx.status(type.status()).contentType(Problem.CONTENT_TYPE).result(mapper.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem detail could not be written", e);
        }
    }

    private static String capitalised(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
