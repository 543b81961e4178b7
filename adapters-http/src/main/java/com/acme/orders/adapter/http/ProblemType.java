package com.acme.orders.adapter.http;

/**
 * Every kind of problem the API answers with: its {@code type} URI, title and status. Plain HTTP failures use
 * {@code about:blank} as RFC 9457 suggests; the others point to a section of docs/errors.md.
 */
enum ProblemType {
    VALIDATION("/problems/validation", "Invalid request", 400),
    BAD_REQUEST("about:blank", "Bad Request", 400),
    MALFORMED_JSON("/problems/malformed-json", "Malformed JSON", 400),
    UNAUTHORIZED("/problems/unauthorized", "Unauthorized", 401),
    INVALID_CREDENTIALS("/problems/invalid-credentials", "Invalid credentials", 401),
    INVALID_REFRESH_TOKEN("/problems/invalid-refresh-token", "Invalid refresh token", 401),
    NOT_FOUND("about:blank", "Not Found", 404),
    ORDER_NOT_FOUND("/problems/order-not-found", "Order not found", 404),
    WEBHOOK_NOT_FOUND("/problems/webhook-not-found", "Webhook not found", 404),
    WEBHOOK_TARGET_REFUSED("/problems/webhook-target-refused", "Webhook target refused", 400),
    WEBHOOK_LIMIT_REACHED("/problems/webhook-limit-reached", "Webhook limit reached", 400),
    METHOD_NOT_ALLOWED("about:blank", "Method Not Allowed", 405),
    EMAIL_TAKEN("/problems/email-already-registered", "Email already registered", 409),
    ILLEGAL_TRANSITION("/problems/order-state-conflict", "Order state conflict", 409),
    IDEMPOTENCY_KEY_IN_FLIGHT("/problems/idempotency-key-in-flight", "Idempotency key in flight", 409),
    IDEMPOTENCY_KEY_REUSED("/problems/idempotency-key-reused", "Idempotency key reused", 422),
    REQUEST_TIMEOUT("about:blank", "Request Timeout", 408),
    CONTENT_TOO_LARGE("about:blank", "Content Too Large", 413),
    UNSUPPORTED_MEDIA_TYPE("about:blank", "Unsupported Media Type", 415),
    URI_TOO_LONG("about:blank", "URI Too Long", 414),
    EXPECTATION_FAILED("about:blank", "Expectation Failed", 417),
    HEADERS_TOO_LARGE("about:blank", "Request Header Fields Too Large", 431),
    TOO_MANY_REQUESTS("/problems/too-many-requests", "Too many requests", 429),
    INTERNAL("about:blank", "Internal Server Error", 500),
    UNAVAILABLE("about:blank", "Service Unavailable", 503);

    /**
     * The plain HTTP failures the HTTP server itself answers, before or outside routing ({@link ServerErrors}). Every
     * other refusal of a request as sent is a 400: an unknown HTTP version too, which HTTP would answer 505, a server
     * error's status for what is the client's mistake.
     */
    static ProblemType ofServerStatus(int status) {
        return switch (status) {
            case 408 -> REQUEST_TIMEOUT;
            case 413 -> CONTENT_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 417 -> EXPECTATION_FAILED;
            case 431 -> HEADERS_TOO_LARGE;
            case 503 -> UNAVAILABLE;
            case 500 -> INTERNAL;
            default -> BAD_REQUEST;
        };
    }

    private final String uri;
    private final String title;
    private final int status;

    ProblemType(String uri, String title, int status) {
        this.uri = uri;
        this.title = title;
        this.status = status;
    }

    String uri() {
        return uri;
    }

    String title() {
        return title;
    }

    int status() {
        return status;
    }
}
