package com.acme.orders.adapter.http;

import com.acme.orders.application.port.in.account.AccountUseCases;
import com.acme.orders.application.port.in.account.LogInCommand;
import com.acme.orders.application.port.in.account.Session;
import com.acme.orders.domain.user.User;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;

/**
 * {@code /auth}: registration and log-in, both throttled by {@link LoginThrottle}; the refresh of a session, log-out
 * and the caller's own account.
 */
final class AuthController {

    private final AccountUseCases accounts;
    private final AccessTokens tokens;
    private final JsonBodies bodies;
    private final LoginThrottle throttle;

    AuthController(AccountUseCases accounts, AccessTokens tokens, JsonBodies bodies, LoginThrottle throttle) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.bodies = bodies;
        this.throttle = throttle;
    }

    /**
     * Before the handlers of {@code /auth/login} and {@code /auth/register}: counts the request against its client
     * address. Only a POST reaches their handlers, so only a POST counts.
     */
    void admitAddress(Context ctx) {
        if (ctx.method().equals(HandlerType.POST)) {
            throttle.admitAddress(ctx.ip());
        }
    }

    void register(Context ctx) {
        User user = accounts.register(bodies.read(ctx, RegisterRequest.class).toCommand());
        ctx.status(HttpStatus.CREATED).json(UserResponse.from(user));
    }

    void logIn(Context ctx) {
        LogInCommand command = bodies.read(ctx, LoginRequest.class).toCommand();
        throttle.admitAccount(command.email());
        Session session = accounts.logIn(command);
        throttle.succeeded(command.email());
        answer(ctx, session);
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
