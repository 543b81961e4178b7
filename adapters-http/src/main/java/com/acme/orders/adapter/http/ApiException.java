package com.acme.orders.adapter.http;

import java.util.List;
import java.util.Map;

/**
 * A refusal decided by the HTTP adapter itself (malformed JSON, a bad query parameter, a missing token), carrying
 * everything its problem detail needs. {@link ProblemResponses} maps it, as it maps the failures of the use cases.
 */
final class ApiException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers;

    private ApiException(
            ProblemType type, String detail, List<Problem.FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = errors;
        this.headers = headers;
    }

    static ApiException invalid(List<Problem.FieldError> errors) {
        return new ApiException(
                ProblemType.VALIDATION, "The request has invalid fields.", List.copyOf(errors), Map.of());
    }

    static ApiException invalidField(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    static ApiException malformedJson(String detail) {
        return new ApiException(ProblemType.MALFORMED_JSON, detail, null, Map.of());
    }

    /** A request the HTTP layer cannot take as sent (its URI, say), with no field to name. */
    static ApiException badRequest(String detail) {
        return new ApiException(ProblemType.BAD_REQUEST, detail, null, Map.of());
    }

    /** The request's body did not arrive within the deadline ({@link RequestReadDeadline}); the connection closes. */
    static ApiException requestTimeout(String detail) {
        return new ApiException(ProblemType.REQUEST_TIMEOUT, detail, null, Map.of("Connection", "close"));
    }

    static ApiException unsupportedMediaType(String detail) {
        return new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail, null, Map.of());
    }

    /** No usable credentials; {@code challenge} is the WWW-Authenticate value (RFC 6750). */
    static ApiException unauthorized(String detail, String challenge) {
        return new ApiException(ProblemType.UNAUTHORIZED, detail, null, Map.of("WWW-Authenticate", challenge));
    }

    ProblemType type() {
        return type;
    }

    List<Problem.FieldError> errors() {
        return errors;
    }

    Map<String, String> headers() {
        return headers;
    }
}
