package com.acme.orders.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail as the API sends it, with the request id and, for validation failures, one entry per
 * offending field.
 */
record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String requestId,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FieldError> errors) {

    static final String CONTENT_TYPE = "application/problem+json";

    record FieldError(String field, String message) {}
}
