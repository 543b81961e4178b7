package com.acme.orders.adapter.http;

import com.acme.orders.application.port.in.account.AuthenticateUseCase;
import com.acme.orders.domain.user.UserId;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

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

    private static final String SCHEME = "bearer";
    // the ASCII whitespace that may separate the scheme from the token (what the regular expression \s matches)
    private static final String WHITESPACE = " \t\n\u000B\f\r";
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
        List<String> authorizations = Collections.list(ctx.req().getHeaders("Authorization"));
        if (authorizations.size() > 1) {
            // which one would count is the server's guess (RFC 9110 §5.3: a field that is not a list must be sent once)
            throw ApiException.unauthorized(
                    "Send one Authorization header, not " + authorizations.size() + ".",
                    CHALLENGE + ", error=\"invalid_request\"");
        }
        String authorization = authorizations.isEmpty() ? null : authorizations.getFirst();
        if (authorization == null || authorization.isBlank()) {
            throw ApiException.unauthorized("A bearer token is required: log in at /auth/login.", CHALLENGE);
        }
        String value = authorization.strip();
        int gap = firstWhitespace(value);
        if (gap != SCHEME.length() || !value.regionMatches(true, 0, SCHEME, 0, gap)) {
            throw ApiException.unauthorized(
                    "The Authorization header must be 'Bearer <token>'.", CHALLENGE + ", error=\"invalid_request\"");
        }
        UserId caller = tokens.verify(value.substring(gap).strip())
                .filter(claims -> authenticate.isCurrent(claims.userId(), claims.tokenVersion()))
                .map(AccessTokens.Claims::userId)
                .orElseThrow(() -> ApiException.unauthorized(
                        "The bearer token is invalid, revoked or expired.", CHALLENGE + ", error=\"invalid_token\""));
        ctx.attribute(CALLER, caller);
    }

    /**
     * Where the first whitespace of {@code value} is, or -1. A scan by hand: splitting with a regular expression went
     * on matching through the whole token on every request, about 6% of the CPU of an order read in a profile.
     */
    private static int firstWhitespace(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (WHITESPACE.indexOf(value.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
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
