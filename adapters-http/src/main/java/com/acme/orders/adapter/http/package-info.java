/**
 * Driving adapter: the REST API on Javalin (Jetty 12, virtual threads), JSON with Jackson, bearer JWT with java-jwt,
 * errors as RFC 9457 problem details.
 *
 * <p>Depends on the application's driving ports ({@code port.in}) and the domain; never on the application's
 * services, nor on another adapter.
 *
 * <p>{@link com.acme.orders.adapter.http.HttpApi} creates the server, configures it and holds the route table: every
 * route, hook and exception handler is registered there and nowhere else. The hooks and the error mapping are classes
 * of their own, which HttpApi and the controllers use and which never call back:
 *
 * <ul>
 *   <li>{@code RequestHygiene}: the request id, the hygiene headers (the content security policy among them), and the
 *       access log line and timer sample of every request;
 *   <li>{@code BearerAuthentication}: the hook before every protected route, the role that marks those routes, and
 *       {@code caller}, the one way a controller learns who is calling;
 *   <li>{@code ProblemResponses}: the one mapping from every failure (the use cases', the adapter's own
 *       {@code ApiException}, Javalin's 404, 405 and 413) to its problem detail;
 *   <li>{@code CorsPolicy}: which browser origins may call the API; {@code ApiDocumentation} serves the OpenAPI
 *       document, its two pages and the files they load; {@code AuthController} counts log-ins and registrations per
 *       client address before its handlers run.
 * </ul>
 *
 * <p>Requests are measured through the Micrometer facade ({@link com.acme.orders.adapter.http.HttpMetrics}); the
 * Prometheus registry belongs to bootstrap.
 */
package com.acme.orders.adapter.http;
