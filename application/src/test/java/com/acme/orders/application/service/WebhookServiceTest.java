package com.acme.orders.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.application.port.in.webhook.RegisterWebhookCommand;
import com.acme.orders.application.port.in.webhook.WebhookNotFoundException;
import com.acme.orders.application.port.in.webhook.WebhookQuery;
import com.acme.orders.application.port.in.webhook.WebhookTargetRefusedException;
import com.acme.orders.application.testing.InMemoryStore;
import com.acme.orders.application.testing.InMemoryWebhooks;
import com.acme.orders.application.testing.MutableClock;
import com.acme.orders.domain.user.UserId;
import com.acme.orders.domain.webhook.Webhook;
import com.acme.orders.domain.webhook.WebhookLimitReachedException;
import com.acme.orders.domain.webhook.WebhookUrl;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookServiceTest {

    private static final UserId ALICE = new UserId(1);
    private static final UserId BOB = new UserId(2);

    private final InMemoryWebhooks webhooks = new InMemoryWebhooks();
    private final List<String> checkedHosts = new ArrayList<>();
    private final WebhookService service = new WebhookService(
            webhooks,
            target -> {
                checkedHosts.add(target.getHost());
                return target.getHost().equals("10.0.0.1")
                        ? Optional.of("resolves to a private address")
                        : Optional.empty();
            },
            new InMemoryStore().transactions(),
            new SecureRandom(),
            MutableClock.atDefaultStart());

    private static RegisterWebhookCommand to(UserId owner, String url) {
        return new RegisterWebhookCommand(owner, WebhookUrl.parse(url), Webhook.allEventTypes());
    }

    @Test
    void a_registration_checks_the_target_and_stores_a_new_secret() {
        Webhook webhook = service.register(to(ALICE, "https://hooks.example.com/"));

        assertThat(checkedHosts).containsExactly("hooks.example.com");
        assertThat(service.get(new WebhookQuery(ALICE, webhook.id()))).isEqualTo(webhook);
        assertThat(webhook.secret().value()).startsWith("whsec_");
    }

    @Test
    void a_refused_target_is_not_stored() {
        assertThatThrownBy(() -> service.register(to(ALICE, "http://10.0.0.1/")))
                .isInstanceOf(WebhookTargetRefusedException.class)
                .hasMessageContaining("private");

        assertThat(service.list(ALICE)).isEmpty();
    }

    @Test
    void the_eleventh_webhook_is_refused() {
        for (int i = 0; i < Webhook.MAX_PER_USER; i++) {
            service.register(to(ALICE, "https://hooks.example.com/" + i));
        }

        assertThatThrownBy(() -> service.register(to(ALICE, "https://hooks.example.com/11")))
                .isInstanceOf(WebhookLimitReachedException.class);
        assertThat(service.register(to(BOB, "https://hooks.example.com/bob"))).isNotNull();
    }

    @Test
    void someone_elses_webhook_is_not_found_for_reading_deleting_or_its_deliveries() {
        Webhook alices = service.register(to(ALICE, "https://hooks.example.com/"));
        WebhookQuery bobAsking = new WebhookQuery(BOB, alices.id());

        assertThatThrownBy(() -> service.get(bobAsking)).isInstanceOf(WebhookNotFoundException.class);
        assertThatThrownBy(() -> service.deliveries(bobAsking)).isInstanceOf(WebhookNotFoundException.class);
        assertThatThrownBy(() -> service.delete(bobAsking)).isInstanceOf(WebhookNotFoundException.class);
        assertThat(service.list(BOB)).isEmpty();
        assertThat(service.list(ALICE)).containsExactly(alices);
    }
}
