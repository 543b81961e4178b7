package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The event feed across two instances of the service on one database: a change made through one instance reaches a
 * reader of the other, at once when it waits, and a walk of the feed from its start gives every event once, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventsEndToEndTest {

    private RunningService first;
    private RunningService second;
    private ApiClient a;
    private ApiClient b;
    private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeAll
    void start() {
        first = RunningService.start();
        second = RunningService.startOn(first.database(), Map.of());
        a = first.client();
        b = second.client();
    }

    @AfterAll
    void stop() {
        readers.shutdownNow();
        second.close();
        first.close();
    }

    private static String startOfFeed(ApiClient client, String token) {
        return client.get("/events", token).json().get("next_cursor").asText();
    }

    @Test
    void a_wait_on_one_instance_wakes_within_a_second_for_an_order_placed_on_the_other() throws Exception {
        String token = a.newUserToken();
        String cursor = startOfFeed(b, token);

        for (int round = 0; round < 3; round++) {
            String after = cursor;
            CompletableFuture<ApiClient.Response> waiting =
                    CompletableFuture.supplyAsync(() -> b.get("/events?wait=20&after=" + after, token), readers);
            Thread.sleep(300);
            long placedAt = System.nanoTime();
            long id = a.placeOrder(token, "Laptop", "999.99");

            ApiClient.Response answer = waiting.get(10, TimeUnit.SECONDS);
            Duration latency = Duration.ofNanos(System.nanoTime() - placedAt);

            assertThat(answer.status()).isEqualTo(200);
            JsonNode events = answer.json().get("events");
            assertThat(events).hasSize(1);
            assertThat(events.get(0).get("type").asText()).isEqualTo("order.created");
            assertThat(events.get(0).get("data").get("id").asLong()).isEqualTo(id);
            assertThat(latency).as("round %d", round).isLessThan(Duration.ofMillis(1500));
            cursor = answer.json().get("next_cursor").asText();
        }
    }

    @Test
    void the_feed_walked_from_its_start_on_either_instance_gives_every_change_once_in_order() {
        String token = a.newUserToken();
        List<Long> placed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            placed.add((i % 2 == 0 ? a : b).placeOrder(token, "Item " + i, "10.00"));
        }
        assertThat(b.patch("/orders/" + placed.get(1) + "/cancel", token).status())
                .isEqualTo(200);

        for (ApiClient reader : List.of(a, b)) {
            List<String> walked = new ArrayList<>();
            String cursor = null;
            JsonNode page;
            do {
                page = reader.get("/events?limit=4" + (cursor == null ? "" : "&after=" + cursor), token)
                        .json();
                page.get("events")
                        .forEach(event -> walked.add(event.get("data").get("id").asLong() + " "
                                + event.get("type").asText() + " "
                                + event.get("sequence").asInt()));
                cursor = page.get("next_cursor").asText();
            } while (!page.get("events").isEmpty());

            List<String> expected = new ArrayList<>();
            placed.forEach(id -> expected.add(id + " order.created 1"));
            expected.add(placed.get(1) + " order.cancelled 2");
            assertThat(walked).containsExactlyElementsOf(expected);
        }
    }
}
