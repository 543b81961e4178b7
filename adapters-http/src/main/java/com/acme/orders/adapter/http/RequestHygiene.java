package com.acme.orders.adapter.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What every request gets, whichever route answers it or fails: a request id, the hygiene headers, one access log
 * line and one timer sample. The request id is in the MDC from the first hook to the access log line, so that every
 * line logged while the request is served carries it.
 */
final class RequestHygiene {

    static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** A client's id is echoed only when it is short and plain: it goes into headers, problem bodies and logs. */
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    /** The MDC key of the request id, on every line logged while a request is served. */
    static final String REQUEST_ID_MDC = "request_id";

    private static final String DOCUMENTATION_PAGE_POLICY =
            "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                    + "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; base-uri 'none'; "
                    + "form-action 'none'; frame-ancestors 'none'";
    private static final String JSON_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private static final Logger accessLog = LoggerFactory.getLogger("access");

    private final HttpMetrics metrics;

    RequestHygiene(HttpMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** Before every request: the client's id if it is sane, else a new one; in the answer and in the MDC. */
    void assignRequestId(Context ctx) {
        String requestId = requestIdFor(ctx.header(REQUEST_ID_HEADER));
        ctx.attribute(REQUEST_ID_MDC, requestId);
        ctx.header(REQUEST_ID_HEADER, requestId);
        MDC.put(REQUEST_ID_MDC, requestId);
    }

    /** The client's id if it is sane, else a new one. */
    static String requestIdFor(String offered) {
        return offered != null && SANE_REQUEST_ID.matcher(offered).matches() ? offered : newRequestId();
    }

    /**
     * A random version-4 UUID from {@link ThreadLocalRandom}: a request id must be unique, not secret, and
     * {@link UUID#randomUUID()} draws from the shared {@code SecureRandom}, about 1.5% of the CPU of an order read.
     */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xCL << 60)) | (0x8L << 60);
        return new UUID(high, low).toString();
    }

    /** The request's id, as {@link #assignRequestId} chose it. */
    static String requestId(Context ctx) {
        return ctx.attribute(REQUEST_ID_MDC);
    }

    /**
     * The headers every response carries: set before any handler runs, and again by {@link ProblemResponses} on every
     * problem it writes, so that an answer of the error mapping has them too.
     */
    static void addHeaders(Context ctx) {
        headers(ctx.path()).forEach(ctx::header);
    }

    /** The hygiene headers of an answer to {@code path}, for answers written without Javalin ({@link ServerErrors}). */
    static Map<String, String> headers(String path) {
        return Map.of(
                "X-Content-Type-Options", "nosniff",
                "X-Frame-Options", "DENY",
                "Content-Security-Policy", contentSecurityPolicy(path),
                "Cache-Control", "no-store");
    }

    /**
     * Before every request: a query that is not valid percent-encoding is refused here, with 400, rather than failing
     * wherever a parameter is first read (Jetty checks the path; the query it leaves to the application).
     */
    static void requireDecodableQuery(Context ctx) {
        String query = ctx.queryString();
        if (query != null && !PercentEncoding.isValid(query)) {
            throw ApiException.badRequest("The query string is not valid percent-encoded UTF-8.");
        }
    }

    /**
     * JSON answers may load nothing at all. The documentation pages may load scripts, styles and the document from this
     * origin only (so never from a CDN); Swagger UI and ReDoc need inline styles, {@code data:} images and, for ReDoc's
     * search, a worker built from a blob.
     */
    private static String contentSecurityPolicy(String path) {
        return ApiDocumentation.isPage(path) ? DOCUMENTATION_PAGE_POLICY : JSON_POLICY;
    }

    /**
     * After every answer: one line and one timer sample, both by route template, never by raw path (which is
     * unbounded, and may hold ids). The line's parts are in the MDC too, so that a JSON log has them as fields; the
     * request id leaves the MDC with them, since the request ends here.
     */
    void logAccess(Context ctx, Float millis) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint == null) {
            endpoint = ctx.endpoints().lastHttpEndpoint();
        }
        String route = endpoint != null ? endpoint.path : HttpMetrics.UNMATCHED;
        logAccess(ctx.method().name(), route, ctx.statusCode(), millis);
    }

    /** The access line and timer sample of one answer; the request id is already in the MDC and leaves it here. */
    void logAccess(String method, String route, int status, float millis) {
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
            MDC.remove(REQUEST_ID_MDC);
        }
    }
}
