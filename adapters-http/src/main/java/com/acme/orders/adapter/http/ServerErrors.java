package com.acme.orders.adapter.http;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.MDC;

/**
 * Jetty's error handler, replaced: every error the HTTP server raises itself, before or outside routing (a malformed
 * request line, URI or header line, a missing or repeated {@code Host}, a URI or headers over the limits, an unknown
 * HTTP version or expectation), is answered as the API answers every error: problem+json with the request id and the
 * hygiene headers, the status one of those the OpenAPI document lists ({@link ProblemType#ofServerStatus}: any other
 * refusal of the server is a 400). Each is written to the access log and the request metrics under the route
 * {@value HttpMetrics#UNMATCHED}.
 */
final class ServerErrors extends ErrorHandler {

    /** Jetty's reasons name the broken rule ("Illegal character SPACE", "No Host"); a long one is cut. */
    private static final int MAX_REASON = 120;

    private final ProblemResponses problems;
    private final RequestHygiene hygiene;

    ServerErrors(ProblemResponses problems, RequestHygiene hygiene) {
        this.problems = Objects.requireNonNull(problems, "problems");
        this.hygiene = Objects.requireNonNull(hygiene, "hygiene");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        int jettyStatus = response.getStatus();
        String reason = (String) request.getAttribute(ERROR_MESSAGE);
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException failure) {
            jettyStatus = failure.getCode();
            if (reason == null) {
                reason = failure.getReason();
            }
        }
        ProblemType type = ProblemType.ofServerStatus(jettyStatus);
        String path = request.getHttpURI() == null || request.getHttpURI().getPath() == null
                ? "/"
                : request.getHttpURI().getPath();
        String requestId = RequestHygiene.requestIdFor(request.getHeaders().get(RequestHygiene.REQUEST_ID_HEADER));

        response.setStatus(type.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.getHeaders().put(RequestHygiene.REQUEST_ID_HEADER, requestId);
        RequestHygiene.headers(path).forEach(response.getHeaders()::put);
        byte[] body = problems.body(type, detail(type, reason), path, requestId, null);
        boolean head = "HEAD".equals(request.getMethod());
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);

        MDC.put(RequestHygiene.REQUEST_ID_MDC, requestId);
        hygiene.logAccess(
                request.getMethod(), HttpMetrics.UNMATCHED, type.status(), (System.nanoTime() - started) / 1e6f);
        return true;
    }

    private static String detail(ProblemType type, String reason) {
        if (type == ProblemType.INTERNAL) {
            return ProblemResponses.internalDetail();
        }
        String said = reason == null || reason.isBlank() ? HttpStatus.getMessage(type.status()) : reason;
        return "The HTTP server refused the request: "
                + (said.length() > MAX_REASON ? said.substring(0, MAX_REASON) + "..." : said) + ".";
    }
}
