package com.acme.orders.adapter.http;

/**
 * {@code POST /auth/login} and {@code POST /auth/refresh} answer (RFC 6749 §5.1): {@code expires_in} in seconds, of
 * the access token; the refresh token may be spent once, for the next pair.
 */
record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken) {

    static TokenResponse bearer(String token, long expiresInSeconds, String refreshToken) {
        return new TokenResponse(token, "bearer", expiresInSeconds, refreshToken);
    }

    @Override
    public String toString() {
        return "TokenResponse[accessToken=****, expiresIn=" + expiresIn + ", refreshToken=****]";
    }
}
