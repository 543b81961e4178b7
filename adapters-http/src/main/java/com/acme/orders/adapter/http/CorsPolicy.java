package com.acme.orders.adapter.http;

import io.javalin.config.JavalinConfig;
import java.util.List;

/**
 * Which web sites' scripts may call the API from a browser: none unless origins are configured, and then exactly
 * those (Javalin's bundled CORS plugin; never {@code *}, which {@link HttpSettings} refuses). A script of an allowed
 * origin may read the headers a client needs besides the body: the request id, {@code Location} of a new order and
 * {@code Retry-After} of a refusal.
 */
final class CorsPolicy {

    private CorsPolicy() {}

    /** @param allowedOrigins exact origins; empty: CORS stays off and no response carries its headers */
    static void apply(JavalinConfig config, List<String> allowedOrigins) {
        if (allowedOrigins.isEmpty()) {
            return;
        }
        config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
            allowedOrigins.forEach(origin -> rule.allowHost(origin));
            rule.exposeHeader(RequestHygiene.REQUEST_ID_HEADER);
            rule.exposeHeader("Location");
            rule.exposeHeader("Retry-After");
        }));
    }
}
