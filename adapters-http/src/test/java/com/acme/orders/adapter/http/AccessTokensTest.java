package com.acme.orders.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.application.testing.MutableClock;
import com.acme.orders.domain.user.UserId;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessTokensTest {

    private static final String SECRET = "unit-test-secret-that-is-at-least-32-bytes";
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-24T10:00:00Z"));
    private final AccessTokens tokens = new AccessTokens(SECRET, "HS256", Duration.ofMinutes(15), clock);

    @Test
    void a_token_carries_the_user_and_verifies_until_it_expires() {
        String token = tokens.issue(new UserId(42), 0);

        assertThat(tokens.verify(token)).contains(new AccessTokens.Claims(new UserId(42), 0));
        clock.advance(Duration.ofMinutes(15).plusSeconds(AccessTokens.LEEWAY_SECONDS - 1));
        assertThat(tokens.verify(token)).contains(new AccessTokens.Claims(new UserId(42), 0));
        clock.advance(Duration.ofSeconds(2));
        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void a_remembered_token_expires_at_the_same_second_as_a_new_one() {
        String token = tokens.issue(new UserId(42), 0);
        assertThat(tokens.verify(token)).isPresent();
        AccessTokens fresh = new AccessTokens(SECRET, "HS256", Duration.ofMinutes(15), clock);

        clock.advance(
                Duration.ofMinutes(15).plusSeconds(AccessTokens.LEEWAY_SECONDS).minusMillis(1));
        assertThat(tokens.verify(token)).isPresent();
        assertThat(fresh.verify(token)).as("verified for the first time").isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(tokens.verify(token)).isEmpty();
        assertThat(new AccessTokens(SECRET, "HS256", Duration.ofMinutes(15), clock).verify(token))
                .as("verified for the first time")
                .isEmpty();
        assertThat(tokens.verifiedTokens()).as("an expired token is forgotten").isZero();
    }

    @Test
    void a_token_altered_after_its_original_was_verified_is_refused() {
        String token = tokens.issue(new UserId(42), 0);
        assertThat(tokens.verify(token)).isPresent();
        String[] parts = token.split("\\.");
        String otherUser = JWT.decode(tokens.issue(new UserId(43), 0)).getPayload();

        assertThat(tokens.verify(parts[0] + "." + otherUser + "." + parts[2])).isEmpty();
        assertThat(tokens.verify(token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA")))
                .isEmpty();
        assertThat(tokens.verify(token)).contains(new AccessTokens.Claims(new UserId(42), 0));
    }

    /** Base64url's last character carries unused low bits: another spelling of the same bytes is another token. */
    @Test
    void a_token_spelled_with_other_unused_bits_is_refused() {
        String token = signed("{\"alg\":\"HS256\"} ", "{" + CLAIMS + ",\"sub\":\"4\"}");
        assertThat(tokens.verify(token)).isPresent();
        for (int part = 0; part < 3; part++) {
            String[] parts = token.split("\\.");
            parts[part] = withOtherUnusedBits(parts[part]);
            assertThat(tokens.verify(String.join(".", parts)))
                    .as("part %d", part)
                    .isEmpty();
        }
        assertThat(tokens.verify(token + "=")).as("padded").isEmpty();
    }

    /** The same bytes in base64url with the last character's unused low bits set. */
    private static String withOtherUnusedBits(String base64url) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int unusedBits = base64url.length() % 4 == 2 ? 4 : 2;
        int last = alphabet.indexOf(base64url.charAt(base64url.length() - 1));
        assertThat(base64url.length() % 4)
                .as("a last character with unused bits")
                .isNotZero();
        return base64url.substring(0, base64url.length() - 1) + alphabet.charAt(last | ((1 << unusedBits) - 1));
    }

    @Test
    void the_remembered_tokens_are_bounded() {
        for (int i = 0; i <= AccessTokens.VERIFIED_TOKENS; i++) {
            assertThat(tokens.verify(tokens.issue(new UserId(1 + i), 0))).isPresent();
        }

        assertThat(tokens.verifiedTokens()).isBetween(1, AccessTokens.VERIFIED_TOKENS);
    }

    @Test
    void the_claims_are_the_documented_ones() {
        var jwt = JWT.decode(tokens.issue(new UserId(7), 0));

        assertThat(jwt.getSubject()).isEqualTo("7");
        assertThat(jwt.getIssuer()).isEqualTo(AccessTokens.ISSUER);
        assertThat(jwt.getAudience()).containsExactly(AccessTokens.AUDIENCE);
        assertThat(jwt.getIssuedAtAsInstant()).isEqualTo(clock.instant());
        assertThat(jwt.getExpiresAtAsInstant()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(jwt.getId()).isNotBlank();
    }

    @Test
    void a_token_issued_in_the_future_beyond_the_leeway_is_refused() {
        String token = JWT.create()
                .withIssuer(AccessTokens.ISSUER)
                .withAudience(AccessTokens.AUDIENCE)
                .withClaim("ver", 0)
                .withSubject("1")
                .withIssuedAt(clock.instant().plusSeconds(120))
                .withExpiresAt(clock.instant().plusSeconds(900))
                .sign(Algorithm.HMAC256(SECRET));

        assertThat(tokens.verify(token)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "abc", "99999999999999999999"})
    void a_token_whose_subject_is_not_a_user_id_is_refused(String subject) {
        String token = JWT.create()
                .withIssuer(AccessTokens.ISSUER)
                .withAudience(AccessTokens.AUDIENCE)
                .withClaim("ver", 0)
                .withSubject(subject)
                .withIssuedAt(clock.instant())
                .withExpiresAt(clock.instant().plusSeconds(900))
                .sign(Algorithm.HMAC256(SECRET));

        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void a_token_for_another_audience_is_refused() {
        String token = JWT.create()
                .withIssuer(AccessTokens.ISSUER)
                .withAudience("another-api")
                .withClaim("ver", 0)
                .withSubject("1")
                .withIssuedAt(clock.instant())
                .withExpiresAt(clock.instant().plusSeconds(900))
                .sign(Algorithm.HMAC256(SECRET));

        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void verification_pins_the_configured_algorithm() {
        AccessTokens hs512 = new AccessTokens(SECRET, "HS512", Duration.ofMinutes(15), clock);

        assertThat(hs512.verify(tokens.issue(new UserId(1), 0))).isEmpty();
        assertThat(tokens.verify(hs512.issue(new UserId(1), 0))).isEmpty();
        assertThat(hs512.verify(hs512.issue(new UserId(1), 0))).contains(new AccessTokens.Claims(new UserId(1), 0));
    }

    @Test
    void a_secret_shorter_than_32_bytes_is_refused() {
        assertThatThrownBy(() -> new AccessTokens("x".repeat(31), "HS256", Duration.ofMinutes(15), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void only_hmac_algorithms_are_supported() {
        assertThat(AccessTokens.isSupported("HS256")).isTrue();
        assertThat(AccessTokens.isSupported("HS384")).isTrue();
        assertThat(AccessTokens.isSupported("HS512")).isTrue();
        assertThat(AccessTokens.isSupported("RS256")).isFalse();
        assertThat(AccessTokens.isSupported("none")).isFalse();
    }

    @Test
    void the_token_carries_the_users_token_version() {
        assertThat(tokens.verify(tokens.issue(new UserId(5), 3))).contains(new AccessTokens.Claims(new UserId(5), 3));
    }

    @Test
    void a_token_without_a_token_version_is_refused() {
        String token = JWT.create()
                .withIssuer(AccessTokens.ISSUER)
                .withAudience(AccessTokens.AUDIENCE)
                .withSubject("1")
                .withIssuedAt(clock.instant())
                .withExpiresAt(clock.instant().plusSeconds(900))
                .sign(Algorithm.HMAC256(SECRET));

        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void a_token_labelled_rs256_is_refused_even_when_its_signature_is_our_hmac() {
        String genuine = tokens.issue(new UserId(1), 0);
        String[] parts = genuine.split("\\.");
        String header = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        "{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String relabelled = header + "." + parts[1] + "." + parts[2];

        assertThat(tokens.verify(relabelled)).isEmpty();
    }

    @Test
    void a_token_not_valid_before_a_time_beyond_the_leeway_is_refused() {
        String token = JWT.create()
                .withIssuer(AccessTokens.ISSUER)
                .withAudience(AccessTokens.AUDIENCE)
                .withClaim("ver", 0)
                .withSubject("1")
                .withIssuedAt(clock.instant())
                .withNotBefore(clock.instant().plusSeconds(AccessTokens.LEEWAY_SECONDS + 60))
                .withExpiresAt(clock.instant().plusSeconds(900))
                .sign(Algorithm.HMAC256(SECRET));

        assertThat(tokens.verify(token)).isEmpty();
    }

    private static String signed(String header, String payload) {
        java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String input = base64.encodeToString(header.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return input + "."
                + base64.encodeToString(
                        Algorithm.HMAC256(SECRET).sign(input.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
    private static final String CLAIMS = "\"iss\":\"order-service\",\"aud\":\"order-service-api\",\"ver\":0,"
            + "\"iat\":1795514400,\"exp\":1795515300";

    @Test
    void a_correctly_signed_token_of_our_claims_verifies() {
        assertThat(tokens.verify(signed(HEADER, "{" + CLAIMS + ",\"sub\":\"42\"}")))
                .contains(new AccessTokens.Claims(new UserId(42), 0));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "null",
                "[]",
                "42",
                "\"text\"",
                "{\"sub\":\"42\"}",
                "{CLAIMS,\"sub\":\"42\",\"sub\":\"43\"}",
                "{\"iss\":\"order-service\",\"aud\":\"order-service-api\",\"ver\":0,\"iat\":1795514400,"
                        + "\"exp\":null,\"sub\":\"42\"}",
                "{\"iss\":\"order-service\",\"aud\":\"order-service-api\",\"ver\":0,\"iat\":1795514400,"
                        + "\"sub\":\"42\"}",
                "{CLAIMS,\"sub\":\"\u0664\u0662\"}",
                "{CLAIMS,\"sub\":\"+42\"}",
                "{CLAIMS,\"sub\":42}",
                "{CLAIMS,\"sub\":\"42\"} trailing"
            })
    void a_correctly_signed_token_whose_payload_is_not_strictly_ours_is_refused_without_throwing(String payload) {
        assertThat(tokens.verify(signed(HEADER, payload.replace("CLAIMS", CLAIMS))))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "null",
                "[]",
                "{\"alg\":\"HS256\",\"crit\":[\"b64\"],\"b64\":false}",
                "{\"alg\":\"HS256\",\"alg\":\"HS256\"}"
            })
    void a_correctly_signed_token_whose_header_is_not_strictly_ours_is_refused_without_throwing(String header) {
        assertThat(tokens.verify(signed(header, "{" + CLAIMS + ",\"sub\":\"42\"}")))
                .isEmpty();
    }
}
