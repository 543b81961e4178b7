package com.acme.orders.adapter.http;

import com.acme.orders.application.port.in.account.InvalidCredentialsException;
import com.acme.orders.application.port.in.account.InvalidRefreshTokenException;
import com.acme.orders.application.port.in.account.TooManyAttemptsException;
import com.acme.orders.application.port.in.order.IdempotencyKeyInFlightException;
import com.acme.orders.application.port.in.order.IdempotencyKeyReusedException;
import com.acme.orders.application.port.in.order.OrderNotFoundException;
import com.acme.orders.application.port.in.webhook.WebhookNotFoundException;
import com.acme.orders.application.port.in.webhook.WebhookTargetRefusedException;
import com.acme.orders.application.port.out.StorageUnavailableException;
import com.acme.orders.domain.order.IllegalOrderTransitionException;
import com.acme.orders.domain.shared.InvalidValueException;
import com.acme.orders.domain.user.EmailAlreadyRegisteredException;
import com.acme.orders.domain.webhook.WebhookLimitReachedException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one mapping from a failure to its RFC 9457 problem detail, for the failures of every handler and hook and for
 * Javalin's own (404, 405, 413). Every problem is written with the hygiene headers and the request id. Whatever the
 * mapping does not know is a 500 whose body says nothing about it; the failure itself goes to the log, once, under
 * the request id.
 */
final class ProblemResponses {

    /** The API's logger: operators search for and set the level of the API's failures under this name. */
    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);

    private static final String INTERNAL_DETAIL =
            "An unexpected error occurred. Quote the request id when reporting it.";

    private final ObjectMapper mapper;

    ProblemResponses(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** Javalin's exception handler, for {@link HttpResponseException} and for every other {@link Exception}. */
    void answer(Exception failure, Context ctx) {
        switch (failure) {
            case ApiException e -> {
                e.headers().forEach(ctx::header);
                respond(ctx, e.type(), e.getMessage(), e.errors());
            }
            case InvalidValueException e -> respond(ctx, ProblemType.VALIDATION, e.getMessage(), null);
            case InvalidCredentialsException e -> {
                ctx.header("WWW-Authenticate", BearerAuthentication.CHALLENGE);
                respond(ctx, ProblemType.INVALID_CREDENTIALS, "Incorrect email or password.", null);
            }
            case InvalidRefreshTokenException e -> {
                // RFC 9110 §15.5.2: a 401 carries a challenge; the refresh token is the credential that failed
                ctx.header("WWW-Authenticate", BearerAuthentication.CHALLENGE + ", error=\"invalid_token\"");
                respond(
                        ctx,
                        ProblemType.INVALID_REFRESH_TOKEN,
                        "The refresh token is invalid, expired, revoked or already used; log in again.",
                        null);
            }
            case TooManyAttemptsException e -> {
                ctx.header("Retry-After", Long.toString(wholeSeconds(e.retryAfter())));
                respond(ctx, ProblemType.TOO_MANY_REQUESTS, e.getMessage(), null);
            }
            case EmailAlreadyRegisteredException e ->
                respond(ctx, ProblemType.EMAIL_TAKEN, "An account with this email address already exists.", null);
            case OrderNotFoundException e -> respond(ctx, ProblemType.ORDER_NOT_FOUND, e.getMessage() + ".", null);
            case WebhookNotFoundException e ->
                respond(ctx, ProblemType.WEBHOOK_NOT_FOUND, capitalised(e.getMessage()) + ".", null);
            case WebhookTargetRefusedException e ->
                respond(ctx, ProblemType.WEBHOOK_TARGET_REFUSED, e.getMessage(), null);
            case WebhookLimitReachedException e ->
                respond(ctx, ProblemType.WEBHOOK_LIMIT_REACHED, capitalised(e.getMessage()) + ".", null);
            case IllegalOrderTransitionException e ->
                respond(ctx, ProblemType.ILLEGAL_TRANSITION, capitalised(e.getMessage()) + ".", null);
            case IdempotencyKeyReusedException e ->
                respond(
                        ctx,
                        ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was already used with a different request body; use a new key for a "
                                + "new order.",
                        null);
            case IdempotencyKeyInFlightException e -> {
                ctx.header("Retry-After", "1");
                respond(
                        ctx,
                        ProblemType.IDEMPOTENCY_KEY_IN_FLIGHT,
                        "A request with this Idempotency-Key is still in progress; retry shortly.",
                        null);
            }
            case HealthController.NotReadyException e -> {
                ctx.header("Retry-After", "5");
                respond(ctx, ProblemType.UNAVAILABLE, e.getMessage(), null);
            }
            case StorageUnavailableException e -> {
                log.warn("Answering 503: {}", e.getMessage());
                ctx.header("Retry-After", "5");
                respond(ctx, ProblemType.UNAVAILABLE, "The service cannot reach its database; retry shortly.", null);
            }
            case RejectedExecutionException e -> {
                ctx.header("Retry-After", "1");
                respond(ctx, ProblemType.UNAVAILABLE, "The service is busy; retry shortly.", null);
            }
            case HttpResponseException e -> answerHttpFailure(ctx, e);
            default -> {
                log.error("Unexpected failure on {} {}", ctx.method().name(), ctx.path(), failure);
                respond(ctx, ProblemType.INTERNAL, INTERNAL_DETAIL, null);
            }
        }
    }

    /** Javalin's refusals of a request no route could take; any other status of theirs would be a bug of ours. */
    private void answerHttpFailure(Context ctx, HttpResponseException failure) {
        switch (failure.getStatus()) {
            case 404 -> respond(ctx, ProblemType.NOT_FOUND, "No resource at " + ctx.path() + ".", null);
            case 405 -> {
                String allowed = allowedMethods(failure.getDetails());
                ctx.header("Allow", allowed);
                respond(
                        ctx,
                        ProblemType.METHOD_NOT_ALLOWED,
                        ctx.method().name() + " is not allowed on " + ctx.path() + "; allowed: " + allowed + ".",
                        null);
            }
            case 413 ->
                respond(
                        ctx,
                        ProblemType.CONTENT_TOO_LARGE,
                        "The request body is larger than " + HttpSettings.MAX_BODY_BYTES + " bytes.",
                        null);
            default -> {
                log.error(
                        "Unexpected HTTP failure {} on {} {}",
                        failure.getStatus(),
                        ctx.method().name(),
                        ctx.path(),
                        failure);
                respond(ctx, ProblemType.INTERNAL, INTERNAL_DETAIL, null);
            }
        }
    }

    /** Javalin lists a 405's methods as {@code [GET, POST]}; {@code Allow} wants {@code GET, POST}. */
    private static String allowedMethods(Map<String, String> details) {
        String listed = details.getOrDefault("availableMethods", "");
        return String.join(
                ", ", List.of(listed.replace("[", "").replace("]", "").split("\\s*,\\s*")));
    }

    private void respond(Context ctx, ProblemType type, String detail, List<Problem.FieldError> errors) {
        RequestHygiene.addHeaders(ctx);
        ctx.status(type.status())
                .contentType(Problem.CONTENT_TYPE)
                .result(body(type, detail, ctx.path(), RequestHygiene.requestId(ctx), errors));
    }

    /** The problem detail as JSON bytes; {@link ServerErrors} writes it outside Javalin. */
    byte[] body(ProblemType type, String detail, String instance, String requestId, List<Problem.FieldError> errors) {
        try {
            return mapper.writeValueAsBytes(
                    new Problem(type.uri(), type.title(), type.status(), detail, instance, requestId, errors));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem detail could not be written", e);
        }
    }

    /** What a 500 says: nothing about its cause. */
    static String internalDetail() {
        return INTERNAL_DETAIL;
    }

    /** {@code Retry-After} is in whole seconds: rounded up, so that a client waiting that long finds an attempt. */
    static long wholeSeconds(Duration wait) {
        long seconds = wait.toSeconds();
        return Math.max(1, wait.equals(Duration.ofSeconds(seconds)) ? seconds : seconds + 1);
    }

    private static String capitalised(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
