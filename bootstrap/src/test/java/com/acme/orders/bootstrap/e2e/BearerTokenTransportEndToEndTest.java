package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 6750 section 2.1 only: a token counts in the Authorization header and nowhere else (no URL, no cookie). */
class BearerTokenTransportEndToEndTest extends ServiceTest {

    private String token;

    @BeforeAll
    void prepare() {
        token = api.newUserToken();
    }

    @Test
    void the_token_in_the_authorization_header_is_accepted() {
        assertThat(api.get("/orders", token).status()).isEqualTo(200);
    }

    @Test
    void a_valid_token_in_the_access_token_query_parameter_is_refused_with_401() {
        ApiClient.Response response = api.get("/orders?access_token=" + token, null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
    }

    @Test
    void a_valid_token_in_a_cookie_is_refused_with_401() {
        ApiClient.Response response = api.send(api.request("/orders", null)
                .header("Cookie", "access_token=" + token + "; token=" + token + "; Authorization=Bearer%20" + token)
                .GET());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
    }
}
