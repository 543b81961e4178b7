package com.acme.orders.adapter.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
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

    /** The method of a request whose head never arrived whole. */
    static final String UNKNOWN_METHOD = "UNKNOWN";

    static final String RETRY_AFTER_SECONDS = "1";

    private final ProblemResponses problems;
    private final RequestHygiene hygiene;

    ServerErrors(ProblemResponses problems, RequestHygiene hygiene) {
        this.problems = Objects.requireNonNull(problems, "problems");
        this.hygiene = Objects.requireNonNull(hygiene, "hygiene");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int jettyStatus = response.getStatus();
        String reason = (String) request.getAttribute(ERROR_MESSAGE);
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException failure) {
            jettyStatus = failure.getCode();
            if (reason == null) {
                reason = failure.getReason();
            }
        }
        ProblemType type = ProblemType.ofServerStatus(jettyStatus);
        // The request is broken at the protocol's level, and the connection may not be read further: Jetty closes
        // some of them (a request line over the limit) without saying so, and a keep-alive client then sends its next
        // request into a closed connection. Saying Connection: close makes every such refusal end its connection.
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        answer(request, response, callback, type, detail(type, reason));
        return true;
    }

    /**
     * Writes {@code type} with {@code detail} as every problem is written, with {@code Retry-After: 1} on a 503, and
     * logs and measures it under the route {@value HttpMetrics#UNMATCHED}. For answers given before any route runs:
     * Jetty's refusals, and the limits of {@link InFlightLimit}.
     */
    void answer(Request request, Response response, Callback callback, ProblemType type, String detail) {
        long started = System.nanoTime();
        String path = request.getHttpURI() == null || request.getHttpURI().getPath() == null
                ? "/"
                : request.getHttpURI().getPath();
        String requestId = RequestHygiene.requestIdFor(request.getHeaders().get(RequestHygiene.REQUEST_ID_HEADER));

        response.setStatus(type.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.getHeaders().put(RequestHygiene.REQUEST_ID_HEADER, requestId);
        RequestHygiene.headers(path).forEach(response.getHeaders()::put);
        if (type == ProblemType.UNAVAILABLE) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        byte[] body = problems.body(type, detail, path, requestId, null);
        boolean head = "HEAD".equals(request.getMethod());
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);

        MDC.put(RequestHygiene.REQUEST_ID_MDC, requestId);
        hygiene.logAccess(
                request.getMethod(), HttpMetrics.UNMATCHED, type.status(), (System.nanoTime() - started) / 1e6f);
    }

    /**
     * A whole HTTP/1.1 answer of {@code type}, bytes to write on a connection where no request exists yet (its head
     * never arrived whole, {@link RequestReadDeadline}); it closes the connection. Logged and measured as
     * {@link #answer} does, with the method {@value #UNKNOWN_METHOD}.
     */
    ByteBuffer rawAnswer(ProblemType type, String detail) {
        String requestId = RequestHygiene.requestIdFor(null);
        byte[] body = problems.body(type, detail, "/", requestId, null);
        StringBuilder head = new StringBuilder()
                .append("HTTP/1.1 ")
                .append(type.status())
                .append(' ')
                .append(HttpStatus.getMessage(type.status()))
                .append("\r\n");
        head.append("Content-Type: ").append(Problem.CONTENT_TYPE).append("\r\n");
        head.append("Content-Length: ").append(body.length).append("\r\n");
        head.append("Connection: close\r\n");
        head.append(RequestHygiene.REQUEST_ID_HEADER)
                .append(": ")
                .append(requestId)
                .append("\r\n");
        RequestHygiene.headers("/")
                .forEach((name, value) ->
                        head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer answer = ByteBuffer.allocate(headBytes.length + body.length);
        answer.put(headBytes).put(body).flip();

        MDC.put(RequestHygiene.REQUEST_ID_MDC, requestId);
        hygiene.logAccess(UNKNOWN_METHOD, HttpMetrics.UNMATCHED, type.status(), 0f);
        return answer;
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
