package com.acme.orders.adapter.http;

import com.acme.orders.domain.shared.InvalidValueException;
import com.acme.orders.domain.user.UserId;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.JWTVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed access tokens (JWT, RFC 7519) with an HMAC key: {@code sub} is the user id, {@code ver} the user's token
 * version at issue, with {@code iss}, {@code aud}, {@code iat}, {@code exp} and a {@code jti}. Verification pins the
 * configured algorithm (a token signed or labelled otherwise, {@code alg: none} included, is refused, RFC 8725 §3.1)
 * and requires every claim it relies on.
 */
public final class AccessTokens {

    public static final String ISSUER = "order-service";
    public static final String AUDIENCE = "order-service-api";
    /** Clock skew tolerated on {@code exp}, {@code iat} and {@code nbf}. */
    static final long LEEWAY_SECONDS = 5;
    /** RFC 8725 §3.5: an HMAC key at least as long as the hash output of HS256. */
    public static final int MIN_SECRET_BYTES = 32;

    static final String VERSION_CLAIM = "ver";

    /** What a verified token says: whose it is, and at which of the user's token versions it was issued. */
    public record Claims(UserId userId, int tokenVersion) {}

    /**
     * Tokens this instance has verified, by their exact text (signature included, so a forged or altered token is
     * never found here), with what they say and when they expire. Every authenticated request presents its token
     * again; a hit skips the decoding and the HMAC and only checks {@code exp}, the one check whose outcome changes
     * with time ({@code iat} and {@code nbf} in the past stay in the past). Bounded: emptied when full.
     */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    static final int VERIFIED_TOKENS = 4096;

    private record Verified(Claims claims, Instant expiresAt) {}

    private final Algorithm algorithm;
    private final Duration timeToLive;
    private final Clock clock;
    private final JWTVerifier verifier;

    public AccessTokens(byte[] secret, String algorithmName, Duration timeToLive, Clock clock) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "the token secret must be at least " + MIN_SECRET_BYTES + " bytes, got " + secret.length);
        }
        this.algorithm = algorithm(algorithmName, secret);
        this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.verifier = ((com.auth0.jwt.JWTVerifier.BaseVerification) JWT.require(algorithm)
                        .withIssuer(ISSUER)
                        .withAudience(AUDIENCE)
                        .withClaimPresence("sub")
                        .withClaimPresence("iat")
                        .withClaimPresence("exp")
                        .withClaimPresence(VERSION_CLAIM)
                        .acceptLeeway(LEEWAY_SECONDS))
                .build(clock);
    }

    public AccessTokens(byte[] secret, TokenSettings settings, Clock clock) {
        this(secret, settings.algorithm(), settings.accessTokenLifetime(), clock);
    }

    public AccessTokens(String secret, String algorithmName, Duration timeToLive, Clock clock) {
        this(secret.getBytes(StandardCharsets.UTF_8), algorithmName, timeToLive, clock);
    }

    /** The algorithm names the service accepts in its configuration. */
    public static boolean isSupported(String algorithmName) {
        return switch (algorithmName) {
            case "HS256", "HS384", "HS512" -> true;
            default -> false;
        };
    }

    private static Algorithm algorithm(String name, byte[] secret) {
        return switch (name) {
            case "HS256" -> Algorithm.HMAC256(secret);
            case "HS384" -> Algorithm.HMAC384(secret);
            case "HS512" -> Algorithm.HMAC512(secret);
            default ->
                throw new IllegalArgumentException(
                        "unsupported token algorithm " + name + "; use HS256, HS384 or HS512");
        };
    }

    public Duration timeToLive() {
        return timeToLive;
    }

    public String issue(UserId userId, int tokenVersion) {
        Instant now = clock.instant();
        return JWT.create()
                .withIssuer(ISSUER)
                .withAudience(AUDIENCE)
                .withSubject(Long.toString(userId.value()))
                .withClaim(VERSION_CLAIM, tokenVersion)
                .withIssuedAt(now)
                .withExpiresAt(now.plus(timeToLive))
                .withJWTId(UUID.randomUUID().toString())
                .sign(algorithm);
    }

    /**
     * What a validly signed, unexpired token of ours says; empty for anything else (forged, expired, malformed,
     * foreign). Whether its user still exists at that token version is the caller's question.
     */
    public Optional<Claims> verify(String token) {
        Verified known = verified.get(token);
        if (known != null) {
            if (unexpired(known.expiresAt())) {
                return Optional.of(known.claims());
            }
            verified.remove(token);
            return Optional.empty();
        }
        try {
            DecodedJWT jwt = verifier.verify(token);
            Integer version = jwt.getClaim(VERSION_CLAIM).asInt();
            if (version == null) {
                return Optional.empty();
            }
            Claims claims = new Claims(new UserId(Long.parseLong(jwt.getSubject())), version);
            if (verified.size() >= VERIFIED_TOKENS) {
                verified.clear();
            }
            verified.put(token, new Verified(claims, jwt.getExpiresAtAsInstant()));
            return Optional.of(claims);
        } catch (JWTVerificationException | IllegalArgumentException | InvalidValueException e) {
            return Optional.empty();
        }
    }

    /** How many verified tokens are remembered now; at most {@link #VERIFIED_TOKENS}. */
    int verifiedTokens() {
        return verified.size();
    }

    /** The verifier's own rule for {@code exp}: valid while now, in whole seconds, less the leeway is before it. */
    private boolean unexpired(Instant expiresAt) {
        return clock.instant()
                .truncatedTo(ChronoUnit.SECONDS)
                .minusSeconds(LEEWAY_SECONDS)
                .isBefore(expiresAt);
    }
}
