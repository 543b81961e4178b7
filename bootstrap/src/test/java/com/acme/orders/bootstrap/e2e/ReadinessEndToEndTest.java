package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.adapter.persistence.DatabaseSettings;
import com.acme.orders.adapter.persistence.testing.TestDatabase;
import java.net.InetAddress;
import java.net.ServerSocket;
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
            assertThat(ready.header("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(ready.header("Retry-After")).isPresent();
            assertThat(api.get("/health/live", null).status()).isEqualTo(200);
            assertThat(api.get("/", null).status()).isEqualTo(200);
        }
    }

    /**
     * A start that fails half-way (the HTTP port is taken, after the pools and the scheduler have started) stops what
     * it had started: no connection stays open, and the next start on the same database works.
     */
    @Test
    void a_start_whose_port_is_taken_fails_and_leaves_no_connection_open() throws Exception {
        DatabaseSettings database = TestDatabase.fresh();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<String, String> onTakenPort = Map.of("APP_PORT", Integer.toString(taken.getLocalPort()));

            assertThatThrownBy(() -> RunningService.startOn(database, onTakenPort))
                    .isInstanceOf(RuntimeException.class);
        }

        String serviceConnections = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND application_name = 'order-service' AND pid <> pg_backend_pid()";
        long open = TestSql.queryLong(database, serviceConnections);
        for (int i = 0; i < 50 && open > 0; i++) { // a closed connection's server process exits a moment later
            Thread.sleep(100);
            open = TestSql.queryLong(database, serviceConnections);
        }
        assertThat(open).isZero();
        // and the database is left usable: a service starts on it
        try (RunningService next = RunningService.startOn(database, Map.of())) {
            assertThat(next.client().get("/health/ready", null).status()).isEqualTo(200);
        }
    }
}
