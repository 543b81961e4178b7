package com.acme.orders.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.domain.shared.InvalidValueException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSecretTest {

    @Test
    void a_generated_secret_is_whsec_and_the_base64_of_32_random_bytes() {
        WebhookSecret secret = WebhookSecret.generate(new SecureRandom());

        assertThat(secret.value()).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.value().substring(6))).hasSize(32);
    }

    @Test
    void generated_secrets_differ() {
        SecureRandom random = new SecureRandom();
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            secrets.add(WebhookSecret.generate(random).value());
        }
        assertThat(secrets).hasSize(100);
    }

    @Test
    void twenty_four_bytes_of_key_is_enough() {
        String value = "whsec_" + Base64.getEncoder().encodeToString(new byte[24]);

        assertThat(new WebhookSecret(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "whsec_", "whsec_AAAA", "sk_MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIz", "whsec_%%%%"})
    void anything_else_is_refused(String value) {
        assertThatThrownBy(() -> new WebhookSecret(value)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void the_secret_never_shows_in_its_string_form() {
        WebhookSecret secret = WebhookSecret.generate(new SecureRandom());

        assertThat(secret.toString()).doesNotContain(secret.value().substring(6));
    }
}
