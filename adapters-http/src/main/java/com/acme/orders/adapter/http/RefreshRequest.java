package com.acme.orders.adapter.http;

import com.acme.orders.application.port.in.account.RefreshToken;

/** {@code POST /auth/refresh} body. */
record RefreshRequest(String refreshToken) {

    RefreshToken toToken() {
        Validation validation = new Validation();
        RefreshToken token = validation.field("refresh_token", () -> new RefreshToken(refreshToken));
        validation.orThrow();
        return token;
    }

    @Override
    public String toString() {
        return "RefreshRequest[refreshToken=****]";
    }
}
