package com.acme.orders.adapter.http;

import com.acme.orders.application.port.in.account.AuthenticateUseCase;
import com.acme.orders.domain.user.UserId;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Bearer tokens (RFC 6750), read from the {@code Authorization} header only: never from a query parameter or a
 * cookie, where they would be logged or sent by a browser on its own. A route marked {@link #REQUIRED} runs only for
 * a caller whose token verifies and whose user still holds that token version; {@link #caller} is how its handler
 * learns who that is.
 */
final class BearerAuthentication {

    /** The challenge of every 401 that asks for a token, and of a wrong password at log-in. */
    static final String CHALLENGE = "Bearer realm=\"order-service\"";

    /** The role of the routes that need a caller. */
    static final RouteRole REQUIRED = Access.AUTHENTICATED;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final String CALLER = "caller";

    private enum Access implements RouteRole {
        AUTHENTICATED
    }

    private final AccessTokens tokens;
    private final AuthenticateUseCase authenticate;

    BearerAuthentication(AccessTokens tokens, AuthenticateUseCase authenticate) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.authenticate = Objects.requireNonNull(authenticate, "authenticate");
    }

    /**
     * Before the handler of every matched route: for a {@link #REQUIRED} route, the caller or a 401 whose
     * {@code WWW-Authenticate} says what was wrong (no error code for a missing token, {@code invalid_request} for a
     * header that is not a bearer token, {@code invalid_token} for one that does not stand).
     */
    void authenticate(Context ctx) {
        if (!ctx.routeRoles().contains(REQUIRED)) {
            return;
        }
        String authorization = ctx.header("Authorization");
        if (authorization == null || authorization.isBlank()) {
            throw ApiException.unauthorized("A bearer token is required: log in at /auth/login.", CHALLENGE);
        }
        String[] parts = WHITESPACE.split(authorization.strip(), 2);
        if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals("bearer")) {
            throw ApiException.unauthorized(
                    "The Authorization header must be 'Bearer <token>'.", CHALLENGE + ", error=\"invalid_request\"");
        }
        UserId caller = tokens.verify(parts[1].strip())
                .filter(claims -> authenticate.isCurrent(claims.userId(), claims.tokenVersion()))
                .map(AccessTokens.Claims::userId)
                .orElseThrow(() -> ApiException.unauthorized(
                        "The bearer token is invalid, revoked or expired.", CHALLENGE + ", error=\"invalid_token\""));
        ctx.attribute(CALLER, caller);
    }

    /**
     * The caller of a {@link #REQUIRED} route, as {@link #authenticate} found it.
     *
     * @throws IllegalStateException when the route was not marked {@link #REQUIRED}: a bug, answered 500
     */
    static UserId caller(Context ctx) {
        UserId caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw new IllegalStateException("route " + ctx.path() + " reached a handler without authentication");
        }
        return caller;
    }
}
