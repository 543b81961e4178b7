package com.acme.orders.adapter.http;

/** {@code POST /auth/login} answer (RFC 6749 §5.1): {@code expires_in} in seconds. */
record TokenResponse(String accessToken, String tokenType, long expiresIn) {

    static TokenResponse bearer(String token, long expiresInSeconds) {
        return new TokenResponse(token, "bearer", expiresInSeconds);
    }

    @Override
    public String toString() {
        return "TokenResponse[accessToken=****, expiresIn=" + expiresIn + "]";
    }
}
