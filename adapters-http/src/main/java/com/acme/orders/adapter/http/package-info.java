/**
 * Driving adapter: the REST API on Javalin (Jetty 12, virtual threads), JSON with Jackson, bearer JWT with java-jwt,
 * errors as RFC 9457 problem details.
 *
 * <p>Depends on the application's driving ports ({@code port.in}) and the domain; never on the application's
 * services, nor on another adapter. {@link com.acme.orders.adapter.http.HttpApi} owns the server, the routes, the
 * authentication hook and the one mapping from failures to HTTP answers. Requests are measured through the
 * Micrometer facade ({@link com.acme.orders.adapter.http.HttpMetrics}); the Prometheus registry belongs to bootstrap.
 */
package com.acme.orders.adapter.http;
