package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.persistence.EmbeddedDatabase;
import com.acme.orders.adapter.persistence.testing.TestDatabase;
import com.acme.orders.bootstrap.AppConfig;
import com.acme.orders.bootstrap.OrderServiceApp;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stops under load and comes back: the service answers 503 quickly instead of hanging or failing with
 * 500, says it is not ready while staying alive, recovers by itself, and every order it confirmed is there.
 */
class DatabaseOutageEndToEndTest {

    @TempDir
    Path dataDir;

    @Test
    void during_an_outage_requests_answer_503_quickly_and_the_service_recovers_by_itself() throws Exception {
        int port = freePort();
        Path pgData = dataDir.resolve("postgres");
        EmbeddedDatabase database = EmbeddedDatabase.start(pgData, port);
        try {
            Map<String, String> env = new HashMap<>(RunningService.baseEnvironment());
            env.put("DATABASE_URL", TestDatabase.url(database.settings()));
            try (OrderServiceApp app = OrderServiceApp.start(AppConfig.from(env))) {
                ApiClient api = new ApiClient(app.port());
                String token = api.newUserToken();

                Set<Long> confirmed = ConcurrentHashMap.newKeySet();
                List<Integer> statuses = new CopyOnWriteArrayList<>();
                List<Duration> outageLatencies = new CopyOnWriteArrayList<>();
                AtomicBoolean outage = new AtomicBoolean();
                AtomicBoolean running = new AtomicBoolean(true);
                List<Future<?>> clients = new ArrayList<>();
                try (ExecutorService load = Executors.newFixedThreadPool(4)) {
                    for (int i = 0; i < 4; i++) {
                        clients.add(load.submit(() -> {
                            while (running.get()) {
                                Instant start = Instant.now();
                                ApiClient.Response response =
                                        api.post("/orders", "{\"product_name\":\"Laptop\",\"amount\":10.50}", token);
                                statuses.add(response.status());
                                if (response.status() == 201) {
                                    confirmed.add(response.json().get("id").asLong());
                                } else if (outage.get()) {
                                    outageLatencies.add(Duration.between(start, Instant.now()));
                                }
                            }
                            return null;
                        }));
                    }
                    Thread.sleep(1_000);

                    outage.set(true);
                    database.close();
                    Thread.sleep(1_000);
                    ApiClient.Response duringOutage = api.get("/orders", token);
                    assertThat(duringOutage.status()).isEqualTo(503);
                    assertThat(duringOutage.header("Retry-After")).isPresent();
                    assertThat(duringOutage.header("Content-Type"))
                            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                    assertThat(api.get("/health/ready", null).status()).isEqualTo(503);
                    assertThat(api.get("/health/live", null).status()).isEqualTo(200);
                    Thread.sleep(3_000);

                    database = EmbeddedDatabase.start(pgData, port);
                    outage.set(false);
                    Instant deadline = Instant.now().plusSeconds(30);
                    while (api.get("/health/ready", null).status() != 200
                            && Instant.now().isBefore(deadline)) {
                        Thread.sleep(200);
                    }
                    assertThat(api.get("/health/ready", null).status())
                            .as("ready again")
                            .isEqualTo(200);
                    int confirmedBeforeRecovery = confirmed.size();
                    Thread.sleep(1_000);
                    running.set(false);
                    assertThat(confirmed.size())
                            .as("orders confirmed after recovery")
                            .isGreaterThan(confirmedBeforeRecovery);
                }
                for (Future<?> client : clients) {
                    client.get(); // a client that failed fails the test with its own exception
                }

                assertThat(statuses).as("every answer under load").containsOnly(201, 503);
                assertThat(statuses).contains(503);
                assertThat(outageLatencies)
                        .as("answers during the outage")
                        .isNotEmpty()
                        .allSatisfy(latency -> assertThat(latency).isLessThan(Duration.ofSeconds(8)));
                for (long id : confirmed) {
                    assertThat(api.get("/orders/" + id, token).status())
                            .as("confirmed order %d", id)
                            .isEqualTo(200);
                }
                assertThat(TestSql.queryString(database.settings(), """
                        SELECT count(*) FROM orders o
                        WHERE NOT EXISTS (SELECT 1 FROM order_status_history h WHERE h.order_id = o.id)
                          AND o.id::text <> ?""", "0"))
                        .as("orders without their history")
                        .isEqualTo("0");
            }
        } finally {
            database.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
