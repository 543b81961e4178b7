package com.acme.orders.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /events} on the real server over the in-memory fakes. */
class EventsApiTest {

    private static RunningApi api;

    @BeforeAll
    static void start() {
        api = RunningApi.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static long placeOrder(String token) {
        RunningApi.Answer placed =
                api.post("/orders", "{\"product_name\":\"Laptop\",\"amount\":999.99}", RunningApi.bearer(token));
        assertThat(placed.status()).isEqualTo(201);
        return placed.json().get("id").asLong();
    }

    private static RunningApi.Answer events(String token, String query) {
        return api.get("/events" + query, RunningApi.bearer(token));
    }

    @Test
    void each_change_is_an_event_with_the_order_as_get_answered_it_after_the_change() {
        String token = api.newUserToken();
        long id = placeOrder(token);
        JsonNode placed = api.get("/orders/" + id, RunningApi.bearer(token)).json();
        JsonNode cancelled = api.send(api.request("/orders/" + id + "/cancel")
                        .header("Authorization", "Bearer " + token)
                        .method("PATCH", HttpRequest.BodyPublishers.noBody()))
                .json();

        RunningApi.Answer answer = events(token, "");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode list = answer.json().get("events");
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("type").asText()).isEqualTo("order.created");
        assertThat(list.get(0).get("sequence").asInt()).isEqualTo(1);
        assertThat(list.get(0).get("data")).isEqualTo(placed);
        assertThat(list.get(0).get("created_at")).isEqualTo(placed.get("updated_at"));
        assertThat(list.get(0).get("id").asText()).matches("evt_[1-9][0-9]*");
        assertThat(list.get(1).get("type").asText()).isEqualTo("order.cancelled");
        assertThat(list.get(1).get("sequence").asInt()).isEqualTo(2);
        assertThat(list.get(1).get("data")).isEqualTo(cancelled);
        assertThat(answer.json().get("next_cursor").asText()).isNotBlank();
    }

    @Test
    void walking_the_feed_by_next_cursor_gives_every_event_once_and_then_the_same_cursor_again() {
        String token = api.newUserToken();
        List<Long> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placed.add(placeOrder(token));
        }

        List<Long> walked = new ArrayList<>();
        String cursor = null;
        JsonNode page;
        do {
            page = events(token, "?limit=2" + (cursor == null ? "" : "&after=" + cursor))
                    .json();
            page.get("events")
                    .forEach(event -> walked.add(event.get("data").get("id").asLong()));
            cursor = page.get("next_cursor").asText();
        } while (!page.get("events").isEmpty());

        assertThat(walked).containsExactlyElementsOf(placed);
        assertThat(events(token, "?after=" + cursor).json().get("next_cursor").asText())
                .isEqualTo(cursor);
    }

    @Test
    void a_caller_sees_only_its_own_events() {
        String mine = api.newUserToken();
        String theirs = api.newUserToken();
        placeOrder(theirs);

        assertThat(events(mine, "").json().get("events")).isEmpty();
    }

    @Test
    void a_wait_answers_as_soon_as_an_event_commits() throws Exception {
        String token = api.newUserToken();
        String start = events(token, "").json().get("next_cursor").asText();

        CompletableFuture<RunningApi.Answer> waiting =
                CompletableFuture.supplyAsync(() -> events(token, "?wait=10&after=" + start));
        Thread.sleep(300);
        long id = placeOrder(token);

        RunningApi.Answer answer = waiting.get(5, TimeUnit.SECONDS);
        assertThat(answer.json().get("events").get(0).get("data").get("id").asLong())
                .isEqualTo(id);
    }

    @Test
    void a_wait_with_nothing_new_answers_empty_when_it_is_over() {
        String token = api.newUserToken();
        long started = System.nanoTime();

        RunningApi.Answer answer = events(token, "?wait=1");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("events")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "?limit=0",
                "?limit=101",
                "?limit=abc",
                "?limit=%EF%BC%91",
                "?wait=31",
                "?wait=-1",
                "?wait=1.5",
                "?after=not-a-cursor",
                "?after="
            })
    void a_bad_parameter_is_a_400_naming_it(String query) {
        String token = api.newUserToken();

        RunningApi.Answer answer = events(token, query).assertProblem(400);

        String parameter = query.substring(1, query.indexOf('='));
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo(parameter);
    }

    @Test
    void someone_else_s_cursor_is_refused() {
        String mine = api.newUserToken();
        String theirs = api.newUserToken();
        placeOrder(theirs);
        String theirCursor = events(theirs, "").json().get("next_cursor").asText();

        events(mine, "?after=" + theirCursor).assertProblem(400);
    }

    @Test
    void an_order_page_cursor_is_not_an_event_cursor() {
        String token = api.newUserToken();
        placeOrder(token);
        placeOrder(token);
        String pageCursor = api.get("/orders?limit=1", RunningApi.bearer(token))
                .json()
                .get("next_cursor")
                .asText();

        events(token, "?after=" + pageCursor).assertProblem(400);
    }

    @Test
    void without_a_token_the_feed_is_a_401() {
        api.get("/events").assertProblem(401);
        api.get("/events", RunningApi.bearer("not-a-token")).assertProblem(401);
    }
}
