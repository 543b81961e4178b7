package com.acme.orders.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlTest {

    @Test
    void an_https_url_is_kept_exactly_as_given() {
        assertThat(WebhookUrl.parse("https://hooks.example.com/orders?x=1").toString())
                .isEqualTo("https://hooks.example.com/orders?x=1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "hooks.example.com/orders",
                "ftp://hooks.example.com/",
                "file:///etc/passwd",
                "http:///nohost",
                "https://user:pass@hooks.example.com/",
                "https://hooks.example.com/#fragment",
                "https://hooks.example.com/a b",
                "https://hooks.example.com/\u00e9",
                "https://hooks.example.com/\n",
                "http://[::1"
            })
    void anything_but_an_absolute_http_url_with_a_host_is_refused(String text) {
        assertThatThrownBy(() -> WebhookUrl.parse(text)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void a_url_longer_than_the_limit_is_refused() {
        String url = "https://hooks.example.com/" + "a".repeat(WebhookUrl.MAX_LENGTH);

        assertThatThrownBy(() -> WebhookUrl.parse(url)).isInstanceOf(InvalidValueException.class);
    }
}
