package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Under production settings (BCRYPT_COST unset) a stored password hash is bcrypt of cost 12, at least 10. */
class PasswordHashingEndToEndTest {

    @Test
    void the_stored_hash_is_bcrypt_with_cost_12_when_bcrypt_cost_is_unset() {
        try (RunningService service = RunningService.start(Map.of("BCRYPT_COST", ""))) {
            String email = service.client().register("securepass123");

            String hash =
                    TestSql.queryString(service.database(), "SELECT password_hash FROM users WHERE email = ?", email);

            assertThat(hash).startsWith("$2a$12$").hasSize(60);
            assertThat(Integer.parseInt(hash.substring(4, 6))).isGreaterThanOrEqualTo(10);
        }
    }
}
