package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.http.AccessTokens;
import com.acme.orders.adapter.persistence.Database;
import com.acme.orders.domain.user.UserId;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Only tokens the service signed, unaltered and unexpired, open the order endpoints. */
class TokenEndToEndTest extends ServiceTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private String token;
    private long userId;

    @BeforeAll
    void prepare() {
        token = api.newUserToken();
        userId = Long.parseLong(JWT.decode(token).getSubject());
    }

    private void assertRefused(String forged) {
        ApiClient.Response response = api.get("/orders", forged);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate"))
                .hasValueSatisfying(
                        value -> assertThat(value).startsWith("Bearer").contains("error=\"invalid_token\""));
    }

    @Test
    void the_issued_token_works_and_names_the_user() {
        assertThat(api.get("/orders", token).status()).isEqualTo(200);
        assertThat(JWT.decode(token).getAlgorithm()).isEqualTo("HS256");
        assertThat(JWT.decode(token).getIssuer()).isEqualTo(AccessTokens.ISSUER);
        assertThat(JWT.decode(token).getExpiresAtAsInstant())
                .isBetween(Instant.now().plusSeconds(890), Instant.now().plusSeconds(910));
    }

    @Test
    void a_token_with_alg_none_is_refused() {
        String[] parts = token.split("\\.");
        String header = B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

        assertRefused(header + "." + parts[1] + ".");
        assertRefused(header + "." + parts[1] + "." + parts[2]);
    }

    @Test
    void a_token_signed_with_another_key_is_refused() {
        AccessTokens other = new AccessTokens(
                "another-secret-key-that-is-long-enough-0123456789",
                "HS256",
                Duration.ofMinutes(15),
                Clock.systemUTC());

        assertRefused(other.issue(new UserId(userId), 0));
    }

    @Test
    void a_token_whose_subject_was_changed_is_refused() {
        String[] parts = token.split("\\.");
        String payload = new String(B64D.decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"sub\":\"" + userId + "\"", "\"sub\":\"" + (userId + 1) + "\"");

        assertRefused(parts[0] + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
    }

    @Test
    void an_expired_token_is_refused() {
        Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        AccessTokens past = new AccessTokens(RunningService.SECRET, "HS256", Duration.ofMinutes(15), anHourAgo);

        assertRefused(past.issue(new UserId(userId), 0));
    }

    @Test
    void a_token_signed_with_the_right_key_but_another_hmac_size_is_refused() {
        String forged = JWT.create()
                .withIssuer(AccessTokens.ISSUER)
                .withAudience(AccessTokens.AUDIENCE)
                .withClaim("ver", 0)
                .withSubject(Long.toString(userId))
                .withIssuedAt(Instant.now())
                .withExpiresAt(Instant.now().plusSeconds(600))
                .sign(Algorithm.HMAC512(RunningService.SECRET));

        assertRefused(forged);
    }

    @Test
    void a_token_without_expiry_is_refused() {
        String forged = JWT.create()
                .withIssuer(AccessTokens.ISSUER)
                .withAudience(AccessTokens.AUDIENCE)
                .withClaim("ver", 0)
                .withSubject(Long.toString(userId))
                .withIssuedAt(Instant.now())
                .sign(Algorithm.HMAC256(RunningService.SECRET));

        assertRefused(forged);
    }

    @Test
    void a_token_for_another_issuer_is_refused() {
        String forged = JWT.create()
                .withIssuer("someone-else")
                .withAudience(AccessTokens.AUDIENCE)
                .withClaim("ver", 0)
                .withSubject(Long.toString(userId))
                .withIssuedAt(Instant.now())
                .withExpiresAt(Instant.now().plusSeconds(600))
                .sign(Algorithm.HMAC256(RunningService.SECRET));

        assertRefused(forged);
    }

    @Test
    void a_token_whose_user_no_longer_exists_is_refused() throws Exception {
        String email = api.register("securepass123");
        String doomed = api.login(email, "securepass123");
        assertThat(api.get("/orders", doomed).status()).isEqualTo(200);

        try (Database database = Database.connect(service.database());
                Connection connection = database.dataSource().getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM users WHERE email = ?")) {
            delete.setString(1, email);
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }

        assertRefused(doomed);
    }

    @Test
    void tokens_issued_before_a_revocation_are_refused_and_a_new_login_works() {
        String email = api.register("securepass123");
        String before = api.login(email, "securepass123");
        UserId user = new UserId(Long.parseLong(JWT.decode(before).getSubject()));

        try (Database database = Database.connect(service.database())) {
            database.users().revokeTokens(user);
        }

        assertRefused(before);
        String after = api.login(email, "securepass123");
        assertThat(JWT.decode(after).getClaim("ver").asInt()).isEqualTo(1);
        assertThat(api.get("/orders", after).status()).isEqualTo(200);
    }
}
