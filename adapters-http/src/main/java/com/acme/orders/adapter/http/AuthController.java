package com.acme.orders.adapter.http;

import com.acme.orders.application.port.in.account.AccountUseCases;
import com.acme.orders.application.port.in.account.ClientAddress;
import com.acme.orders.application.port.in.account.Session;
import com.acme.orders.domain.user.User;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Collections;

/**
 * {@code /auth}: registration and log-in, both throttled by the use cases per client address ({@link TrustedProxies}
 * says which address that is); the refresh of a session, log-out and the caller's own account.
 */
final class AuthController {

    private final AccountUseCases accounts;
    private final AccessTokens tokens;
    private final JsonBodies bodies;
    private final TrustedProxies proxies;

    AuthController(AccountUseCases accounts, AccessTokens tokens, JsonBodies bodies, TrustedProxies proxies) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.bodies = bodies;
        this.proxies = proxies;
    }

    void register(Context ctx) {
        User user = accounts.register(bodies.read(ctx, RegisterRequest.class).toCommand(clientAddress(ctx)));
        ctx.status(HttpStatus.CREATED).json(UserResponse.from(user));
    }

    void logIn(Context ctx) {
        answer(ctx, accounts.logIn(bodies.read(ctx, LoginRequest.class).toCommand(clientAddress(ctx))));
    }

    private ClientAddress clientAddress(Context ctx) {
        return new ClientAddress(proxies.clientAddress(
                ctx.req().getRemoteAddr(), Collections.list(ctx.req().getHeaders("X-Forwarded-For"))));
    }

    void refresh(Context ctx) {
        answer(ctx, accounts.refresh(bodies.read(ctx, RefreshRequest.class).toToken()));
    }

    void logOut(Context ctx) {
        accounts.logOut(BearerAuthentication.caller(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    void me(Context ctx) {
        User user = accounts.currentUser(BearerAuthentication.caller(ctx))
                .orElseThrow(() -> ApiException.unauthorized(
                        "The bearer token is invalid, revoked or expired.",
                        BearerAuthentication.CHALLENGE + ", error=\"invalid_token\""));
        ctx.json(UserResponse.from(user));
    }

    private void answer(Context ctx, Session session) {
        User user = session.user();
        ctx.json(TokenResponse.bearer(
                tokens.issue(user.id(), user.tokenVersion()),
                tokens.timeToLive().toSeconds(),
                session.refreshToken().value()));
    }
}
