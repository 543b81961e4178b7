package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.port.in.processing.ProcessingSummary;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The processing job through the running service: on its schedule, and racing the owners' cancels. */
class ProcessingEndToEndTest {

    @Test
    void an_order_is_completed_by_the_scheduled_job_and_its_history_shows_it() throws Exception {
        try (RunningService service = RunningService.start(
                Map.of("ORDER_PROCESSING_INTERVAL_SECONDS", "1", "ORDER_PROCESSING_GRACE_SECONDS", "0"))) {
            ApiClient api = service.client();
            String token = api.newUserToken();
            long id = api.placeOrder(token, "Laptop", "999.99");

            Instant deadline = Instant.now().plusSeconds(30);
            String status = "pending";
            while (!status.equals("completed") && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
                status = api.get("/orders/" + id, token).json().get("status").asText();
            }

            assertThat(status).isEqualTo("completed");
            JsonNode history = api.get("/orders/" + id + "/history", token).json();
            assertThat(history).hasSize(3);
            assertThat(history.get(1).get("from_status").asText()).isEqualTo("pending");
            assertThat(history.get(1).get("to_status").asText()).isEqualTo("processing");
            assertThat(history.get(1).get("actor").asText()).isEqualTo("system");
            assertThat(history.get(2).get("to_status").asText()).isEqualTo("completed");
            assertThat(history.get(2).get("actor").asText()).isEqualTo("system");
            assertThat(api.patch("/orders/" + id + "/cancel", token).status()).isEqualTo(409);
        }
    }

    @Test
    void a_cancel_and_the_job_never_both_win_an_order() throws Exception {
        int orderCount = 300;
        try (RunningService service = RunningService.start(Map.of("ORDER_PROCESSING_BATCH_SIZE", "20"))) {
            ApiClient api = service.client();
            String token = api.newUserToken();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < orderCount; i++) {
                ids.add(api.placeOrder(token, "Item " + i, "10"));
            }
            Thread.sleep(5); // every order is now older than the run that starts below

            Map<Long, List<Integer>> answers = new ConcurrentHashMap<>();
            CountDownLatch go = new CountDownLatch(1);
            ProcessingSummary summary;
            try (ExecutorService cancellers = Executors.newFixedThreadPool(16)) {
                List<Future<?>> cancels = new ArrayList<>();
                for (long id : ids) {
                    for (int attempt = 0; attempt < 2; attempt++) {
                        cancels.add(cancellers.submit(() -> {
                            go.await();
                            int status = api.patch("/orders/" + id + "/cancel", token)
                                    .status();
                            answers.computeIfAbsent(id, key -> new java.util.concurrent.CopyOnWriteArrayList<>())
                                    .add(status);
                            return null;
                        }));
                    }
                }
                go.countDown();
                summary = service.app().processPendingOrdersNow();
                for (Future<?> cancel : cancels) {
                    cancel.get();
                }
            }
            // Orders the run skipped while a cancel held them are either cancelled or left for the next run.
            service.app().processPendingOrdersNow();

            int cancelled = 0;
            int completed = 0;
            for (long id : ids) {
                List<Integer> statuses = answers.get(id);
                assertThat(statuses).hasSize(2).allMatch(status -> status == 200 || status == 409);
                JsonNode order = api.get("/orders/" + id, token).json();
                List<String> history = new ArrayList<>();
                api.get("/orders/" + id + "/history", token)
                        .json()
                        .forEach(entry -> history.add(entry.get("to_status").asText()));
                if (statuses.contains(200)) {
                    assertThat(statuses)
                            .as("order %d: one cancel wins at most", id)
                            .containsOnlyOnce(200);
                    assertThat(order.get("status").asText()).isEqualTo("cancelled");
                    assertThat(history).containsExactly("pending", "cancelled");
                    cancelled++;
                } else {
                    assertThat(order.get("status").asText()).isEqualTo("completed");
                    assertThat(history).containsExactly("pending", "processing", "completed");
                    completed++;
                }
            }
            assertThat(cancelled + completed).isEqualTo(orderCount);
            assertThat(summary.found()).isGreaterThan(0);
        }
    }
}
