package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.persistence.DatabaseSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Readiness tells a load balancer the truth: not ready when part of the service cannot work. */
class ReadinessEndToEndTest {

    @Test
    void the_service_reports_not_ready_but_stays_alive_when_the_scheduler_cannot_start() {
        DatabaseSettings database;
        try (RunningService first = RunningService.start()) {
            database = first.database();
            assertThat(first.client().get("/health/ready", null).status()).isEqualTo(200);
        }
        TestSql.execute(database, "DROP TABLE qrtz_triggers CASCADE");

        try (RunningService second = RunningService.startOn(database, Map.of())) {
            ApiClient api = second.client();
            ApiClient.Response ready = api.get("/health/ready", null);

            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.header("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(ready.header("Retry-After")).isPresent();
            assertThat(api.get("/health/live", null).status()).isEqualTo(200);
            assertThat(api.get("/", null).status()).isEqualTo(200);
        }
    }
}
