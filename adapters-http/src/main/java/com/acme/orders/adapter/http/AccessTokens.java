package com.acme.orders.adapter.http;

import com.acme.orders.domain.user.UserId;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.JWTVerifier;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
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

    /** A token's parts are small: 8 KiB of headers hold them all; strict about duplicates and trailing data. */
    private static final ObjectMapper STRICT_JSON = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNumberLength(32)
                            .maxNestingDepth(8)
                            .maxDocumentLength(8 * 1024)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

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
     * foreign, or not strictly formed: see {@link #strictParts}). Whether its user still exists at that token version
     * is the caller's question. Never throws: a token is outside input, and anything it makes fail is a refusal.
     */
    public Optional<Claims> verify(String token) {
        try {
            return verifyOrThrow(token);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<Claims> verifyOrThrow(String token) {
        Verified known = verified.get(token);
        if (known != null) {
            if (unexpired(known.expiresAt())) {
                return Optional.of(known.claims());
            }
            verified.remove(token);
            return Optional.empty();
        }
        Optional<JsonNode> payload = strictParts(token);
        if (payload.isEmpty()) {
            return Optional.empty();
        }
        try {
            verifier.verify(token);
        } catch (JWTVerificationException e) {
            return Optional.empty();
        }
        JsonNode claims = payload.get();
        OptionalLong subject = AsciiNumbers.parse(claims.get("sub").textValue());
        if (subject.isEmpty() || subject.getAsLong() <= 0) {
            return Optional.empty();
        }
        Claims verifiedClaims = new Claims(
                new UserId(subject.getAsLong()), claims.get(VERSION_CLAIM).intValue());
        if (verified.size() >= VERIFIED_TOKENS) {
            verified.clear();
        }
        verified.put(
                token,
                new Verified(
                        verifiedClaims, Instant.ofEpochSecond(claims.get("exp").longValue())));
        return Optional.of(verifiedClaims);
    }

    /**
     * The payload of a token whose two JSON parts are strictly formed, checked on the decoded parts before java-jwt
     * reads them: header and payload are JSON objects without a duplicated member (RFC 7519 §4 leaves a duplicate to
     * the parser; a strict one refuses it); the header has no {@code crit} (RFC 7515 §4.1.11: this verifier
     * understands no extension); {@code exp} and {@code iat} are integers, {@code nbf} too if present;
     * {@code sub} is a string and {@code ver} an integer; every part, the signature included, is canonical unpadded
     * base64url (RFC 7515 §2), so that one token has one spelling: the unused low bits of a last character must be
     * zero, or {@code ...SZ0} and {@code ...SZ1} would carry the same signature. Empty when any of that is not so.
     */
    private static Optional<JsonNode> strictParts(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !canonicalBase64url(parts[2])) {
            return Optional.empty();
        }
        Optional<JsonNode> header = object(parts[0]);
        Optional<JsonNode> payload = object(parts[1]);
        if (header.isEmpty() || payload.isEmpty() || header.get().has("crit")) {
            return Optional.empty();
        }
        JsonNode claims = payload.get();
        boolean wellTyped = isSeconds(claims.path("exp"))
                && isSeconds(claims.path("iat"))
                && (!claims.has("nbf") || isSeconds(claims.get("nbf")))
                && claims.path("sub").isTextual()
                && claims.path(VERSION_CLAIM).isInt();
        return wellTyped ? payload : Optional.empty();
    }

    /** A NumericDate as this service writes it: whole seconds in a long. */
    private static boolean isSeconds(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToLong();
    }

    private static boolean canonicalBase64url(String part) {
        try {
            return BASE64URL.encodeToString(Base64.getUrlDecoder().decode(part)).equals(part);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private static Optional<JsonNode> object(String base64url) {
        if (!canonicalBase64url(base64url)) {
            return Optional.empty();
        }
        try {
            byte[] json = Base64.getUrlDecoder().decode(base64url);
            JsonNode node = STRICT_JSON.readTree(json);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IllegalArgumentException | IOException e) {
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
