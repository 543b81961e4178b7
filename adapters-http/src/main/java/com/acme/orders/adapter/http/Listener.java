package com.acme.orders.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * What the API's listener and the management listener share: one HTTP/1.1 connector with the
 * {@linkplain ConnectionLimits limits} of a connection, Jetty's refusals and every failure as problem+json, the
 * request id, the hygiene headers and the access log, and a stop that the service runs rather than Jetty.
 */
final class Listener {

    private Listener() {}

    static void configure(
            JavalinConfig config,
            String host,
            int port,
            ConnectionLimits limits,
            Duration stopTimeout,
            ObjectMapper mapper,
            RequestHygiene hygiene,
            ProblemResponses problems,
            ServerErrors serverErrors) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.concurrency.useVirtualThreads = true;
        config.jsonMapper(new JavalinJackson(mapper, true));
        config.http.maxRequestSize = HttpSettings.MAX_BODY_BYTES;
        config.http.prefer405over404 = true;
        config.http.defaultContentType = "application/json";
        config.router.ignoreTrailingSlashes = false;
        config.jetty.modifyHttpConfiguration(http -> {
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
            // Javalin's LEGACY mode passes ambiguous and UTF-16 (%u) encodings on, where path parameters fail
            http.setUriCompliance(UriCompliance.DEFAULT);
            // Jetty builds a 96 KB header cache for every connection that sends a second request and keeps it while
            // the connection lives: MAX_CONNECTIONS kept-alive clients would need about 200 MB of heap for it alone,
            // more than the recommended options give the whole service (ConnectionMemoryTest)
            http.setHeaderCacheSize(0);
        });
        config.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(
                    server, new RequestReadDeadline(http, limits.requestReadTimeout(), serverErrors));
            connector.setHost(host);
            connector.setPort(port);
            connector.setIdleTimeout(limits.idleTimeout().toMillis());
            return connector;
        });
        config.jetty.modifyServer(server -> {
            configureShutdown(server, stopTimeout.toMillis());
            server.setErrorHandler(serverErrors);
            server.addBean(new NetworkConnectionLimit(limits.maxConnections(), server));
        });
        config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(serverErrors));
        config.requestLogger.http(hygiene::logAccess);

        config.routes.before(hygiene::assignRequestId);
        config.routes.before(RequestHygiene::addHeaders);
        config.routes.before(RequestHygiene::requireDecodableQuery);

        // Javalin maps its own HttpResponseExceptions (404, 405, 413...) unless that exact type has a handler.
        config.routes.exception(HttpResponseException.class, problems::answer);
        config.routes.exception(Exception.class, problems::answer);
    }

    /** The service's own shutdown runs the stop, in its order: Jetty must not stop itself on SIGTERM first. */
    private static void configureShutdown(Server server, long stopTimeoutMillis) {
        server.setStopTimeout(stopTimeoutMillis);
        server.setStopAtShutdown(false);
    }
}
