package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The root and the health endpoints of the running service, as a client or a load balancer meets them. */
class HealthEndToEndTest extends ServiceTest {

    @Test
    void the_root_answers_like_the_prototype() {
        ApiClient.Response response = api.get("/", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("healthy");
        assertThat(response.json().get("message").asText()).isNotBlank();
        assertThat(response.json().get("version").asText()).isEqualTo("1.0.0");
    }

    @Test
    void liveness_and_readiness_answer_200_while_the_database_answers() {
        assertThat(api.get("/health/live", null).status()).isEqualTo(200);
        ApiClient.Response ready = api.get("/health/ready", null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asText()).isEqualTo("ready");
    }
}
