package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.bootstrap.AppConfig;
import com.acme.orders.bootstrap.OrderServiceApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no DATABASE_URL and no SECRET_KEY, as a new user first runs it: data and tokens survive a restart. */
class EmbeddedDatabaseRestartTest {

    @TempDir
    Path dataDir;

    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(RunningService.baseEnvironment());
        env.remove("SECRET_KEY");
        env.put("DATA_DIR", dataDir.toString());
        return env;
    }

    @Test
    void users_orders_and_tokens_survive_a_restart_on_the_embedded_database() {
        String email;
        String token;
        long orderId;
        try (OrderServiceApp first = OrderServiceApp.start(AppConfig.from(environment()))) {
            ApiClient api = new ApiClient(first.port());
            email = api.register("securepass123");
            token = api.login(email, "securepass123");
            orderId = api.placeOrder(token, "Laptop", "999.99");
        }
        assertThat(Files.exists(dataDir.resolve("dev-secret.key"))).isTrue();

        try (OrderServiceApp second = OrderServiceApp.start(AppConfig.from(environment()))) {
            ApiClient api = new ApiClient(second.port());
            ApiClient.Response order = api.get("/orders/" + orderId, token);
            assertThat(order.status()).isEqualTo(200);
            assertThat(order.json().get("amount").decimalValue()).isEqualByComparingTo("999.99");
            assertThat(api.login(email, "securepass123")).isNotBlank();
        }
    }
}
