package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Login must not tell an unknown email from a wrong password by its timing: the unknown-email path spends one bcrypt
 * verification too (against a decoy hash). At cost 10 a skipped verification would save about 70 ms per request,
 * far beyond the tolerance below.
 */
class LoginTimingEndToEndTest {

    private static final int TRIES = 20;

    @Test
    void an_unknown_email_and_a_wrong_password_take_the_same_time() {
        try (RunningService service = RunningService.start(Map.of("BCRYPT_COST", "10"))) {
            ApiClient api = service.client();
            String email = api.register("securepass123");
            List<Long> wrongPassword = new ArrayList<>();
            List<Long> unknownEmail = new ArrayList<>();
            time(api, email); // warm up both paths
            time(api, "nobody-" + UUID.randomUUID() + "@example.com");
            for (int i = 0; i < TRIES; i++) {
                wrongPassword.add(time(api, email));
                unknownEmail.add(time(api, "nobody-" + UUID.randomUUID() + "@example.com"));
            }

            long wrong = median(wrongPassword);
            long unknown = median(unknownEmail);
            assertThat(Math.abs(wrong - unknown))
                    .as("median wrong password %d us, unknown email %d us", wrong / 1000, unknown / 1000)
                    .isLessThan(Math.max(wrong, unknown) / 3);
        }
    }

    private static long time(ApiClient api, String email) {
        long start = System.nanoTime();
        ApiClient.Response response =
                api.post("/auth/login", ApiClient.json(Map.of("email", email, "password", "wrongpass123")), null);
        long took = System.nanoTime() - start;
        assertThat(response.status()).isEqualTo(401);
        return took;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
