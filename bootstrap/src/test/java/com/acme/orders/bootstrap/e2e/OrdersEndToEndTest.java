package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrdersEndToEndTest extends ServiceTest {

    @Test
    void an_order_is_created_pending_with_its_location_and_exact_cents() {
        String token = api.newUserToken();

        ApiClient.Response response = api.post("/orders", "{\"product_name\":\"Laptop\",\"amount\":999.99}", token);

        assertThat(response.status()).isEqualTo(201);
        JsonNode order = response.json();
        assertThat(response.header("Location"))
                .contains("/orders/" + order.get("id").asLong());
        assertThat(order.get("product_name").asText()).isEqualTo("Laptop");
        assertThat(order.get("amount").isNumber()).isTrue();
        assertThat(order.get("amount").decimalValue()).isEqualByComparingTo("999.99");
        assertThat(response.body()).contains("\"amount\":999.99");
        assertThat(order.get("status").asText()).isEqualTo("pending");
        assertThat(order.get("user_id").asLong()).isPositive();
        assertThat(order.get("created_at").asText())
                .isEqualTo(order.get("updated_at").asText());
        assertThat(order.properties())
                .extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder(
                        "id", "user_id", "product_name", "amount", "status", "created_at", "updated_at");
    }

    @Test
    void a_created_order_reads_back_identically() {
        String token = api.newUserToken();
        ApiClient.Response created = api.post("/orders", "{\"product_name\":\"Phone\",\"amount\":10}", token);

        ApiClient.Response read = api.get("/orders/" + created.json().get("id").asLong(), token);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created.json());
        assertThat(read.body()).contains("\"amount\":10.00");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "amount as a string       | {\"product_name\":\"Laptop\",\"amount\":\"999.99\"}   | amount",
                "amount with 3 decimals   | {\"product_name\":\"Laptop\",\"amount\":1.001}        | amount",
                "amount zero              | {\"product_name\":\"Laptop\",\"amount\":0}            | amount",
                "amount negative          | {\"product_name\":\"Laptop\",\"amount\":-5}           | amount",
                "amount above the bound   | {\"product_name\":\"Laptop\",\"amount\":1000000000.01} | amount",
                "amount missing           | {\"product_name\":\"Laptop\"}                         | amount",
                "product name blank       | {\"product_name\":\"  \",\"amount\":5}                | product_name",
                "unknown field            | {\"product_name\":\"Laptop\",\"amount\":5,\"extra\":1} | extra",
                "status is not the client's | {\"product_name\":\"Laptop\",\"amount\":5,\"status\":\"completed\"} | status",
                "user_id is not the client's | {\"product_name\":\"Laptop\",\"amount\":5,\"user_id\":1} | user_id",
                "id is not the client's   | {\"product_name\":\"Laptop\",\"amount\":5,\"id\":1}   | id",
                "created_at is not the client's | {\"product_name\":\"Laptop\",\"amount\":5,\"created_at\":\"2020-01-01T00:00:00Z\"} | created_at",
            })
    void invalid_orders_answer_400_naming_the_field_and_store_nothing(String why, String body, String field) {
        String token = api.newUserToken();

        ApiClient.Response response = api.post("/orders", body, token);

        assertThat(response.status()).as(why).isEqualTo(400);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.json().get("errors").findValuesAsText("field"))
                .as(why)
                .contains(field);
        assertThat(api.get("/orders", token).json().get("total").asLong()).isZero();
    }

    @Test
    void a_product_name_of_201_characters_is_refused_and_200_accepted() {
        String token = api.newUserToken();

        assertThat(api.post("/orders", "{\"product_name\":\"" + "x".repeat(201) + "\",\"amount\":5}", token)
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/orders", "{\"product_name\":\"" + "x".repeat(200) + "\",\"amount\":5}", token)
                        .status())
                .isEqualTo(201);
    }

    @Test
    void the_bounds_of_amount_are_accepted() {
        String token = api.newUserToken();

        assertThat(api.post("/orders", "{\"product_name\":\"a\",\"amount\":0.01}", token)
                        .status())
                .isEqualTo(201);
        ApiClient.Response largest = api.post("/orders", "{\"product_name\":\"a\",\"amount\":1000000000}", token);
        assertThat(largest.status()).isEqualTo(201);
        assertThat(largest.body()).contains("\"amount\":1000000000.00");
    }

    @Test
    void orders_need_a_bearer_token() {
        for (ApiClient.Response response : List.of(
                api.get("/orders", null),
                api.get("/orders/1", null),
                api.post("/orders", "{\"product_name\":\"Laptop\",\"amount\":5}", null),
                api.patch("/orders/1/cancel", null),
                api.get("/orders/1/history", null))) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate"))
                    .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
            assertThat(response.header("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Test
    void the_list_is_newest_first_and_paging_walks_every_order_once() {
        String token = api.newUserToken();
        List<Long> placed = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            placed.add(api.placeOrder(token, "Item " + i, "1.50"));
        }

        List<Long> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiClient.Response page = api.get("/orders?limit=20" + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.json().get("total").asLong()).isEqualTo(45);
            page.json()
                    .get("orders")
                    .forEach(order -> walked.add(order.get("id").asLong()));
            cursor = page.json().has("next_cursor")
                    ? page.json().get("next_cursor").asText()
                    : null;
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(walked).containsExactlyElementsOf(placed.reversed());
        Set<Long> distinct = new HashSet<>(walked);
        assertThat(distinct).hasSize(45);
    }

    @Test
    void the_default_page_holds_20_orders() {
        String token = api.newUserToken();
        for (int i = 0; i < 21; i++) {
            api.placeOrder(token, "Item", "2");
        }

        JsonNode page = api.get("/orders", token).json();

        assertThat(page.get("orders")).hasSize(20);
        assertThat(page.get("total").asLong()).isEqualTo(21);
        assertThat(page.has("next_cursor")).isTrue();
    }

    @Test
    void the_status_filter_and_total_count_only_matching_orders() {
        String token = api.newUserToken();
        long kept = api.placeOrder(token, "Kept", "3");
        long cancelled = api.placeOrder(token, "Cancelled", "4");
        api.patch("/orders/" + cancelled + "/cancel", token);

        JsonNode pending = api.get("/orders?status=pending", token).json();
        JsonNode cancelledPage = api.get("/orders?status=cancelled", token).json();

        assertThat(pending.get("total").asLong()).isEqualTo(1);
        assertThat(pending.get("orders").get(0).get("id").asLong()).isEqualTo(kept);
        assertThat(pending.has("next_cursor")).isFalse();
        assertThat(cancelledPage.get("orders").get(0).get("id").asLong()).isEqualTo(cancelled);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "status=shipped",
                "status=PENDING",
                "limit=0",
                "limit=101",
                "limit=abc",
                "limit=1.5",
                "cursor=garbage",
                "cursor=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
            })
    void bad_list_parameters_answer_400(String query) {
        String token = api.newUserToken();

        ApiClient.Response response = api.get("/orders?" + query, token);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo(query.split("=")[0]);
    }

    @Test
    void a_cursor_issued_to_another_user_is_refused() {
        String alice = api.newUserToken();
        for (int i = 0; i < 3; i++) {
            api.placeOrder(alice, "Item", "1");
        }
        String cursor =
                api.get("/orders?limit=1", alice).json().get("next_cursor").asText();

        ApiClient.Response response = api.get("/orders?cursor=" + cursor, api.newUserToken());

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void someone_elses_order_answers_exactly_like_a_missing_one() {
        String alice = api.newUserToken();
        String bob = api.newUserToken();
        long aliceOrder = api.placeOrder(alice, "Laptop", "5");
        long missing = aliceOrder + 1_000_000;

        for (String suffix : List.of("", "/history")) {
            ApiClient.Response foreign = api.get("/orders/" + aliceOrder + suffix, bob);
            ApiClient.Response absent = api.get("/orders/" + missing + suffix, bob);
            assertThat(foreign.status()).isEqualTo(404);
            assertThat(absent.status()).isEqualTo(404);
            assertThat(foreign.json().get("title")).isEqualTo(absent.json().get("title"));
            assertThat(foreign.json().get("type")).isEqualTo(absent.json().get("type"));
        }
        ApiClient.Response foreignCancel = api.patch("/orders/" + aliceOrder + "/cancel", bob);
        ApiClient.Response absentCancel = api.patch("/orders/" + missing + "/cancel", bob);
        assertThat(foreignCancel.status()).isEqualTo(404);
        assertThat(foreignCancel.json().get("type"))
                .isEqualTo(absentCancel.json().get("type"));
        assertThat(comparable(foreignCancel.json(), aliceOrder)).isEqualTo(comparable(absentCancel.json(), missing));
        assertThat(TestSql.queryString(
                        service.database(),
                        "SELECT status || '|' || updated_at::text || '|' || (SELECT count(*) FROM order_status_history h "
                                + "WHERE h.order_id = o.id) FROM orders o WHERE o.id = ?::bigint",
                        Long.toString(aliceOrder)))
                .as("Alice's order in the database")
                .startsWith("pending|")
                .endsWith("|1");
        assertThat(api.get("/orders/" + aliceOrder, alice).json().get("status").asText())
                .isEqualTo("pending");
        assertThat(api.get("/orders", bob).json().get("total").asLong()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "99999999999999999999", "1.5"})
    void an_order_id_that_is_not_a_positive_integer_answers_400(String id) {
        ApiClient.Response response = api.get("/orders/" + id, api.newUserToken());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("id");
    }

    @Test
    void a_pending_order_is_cancelled_once_then_409() {
        String token = api.newUserToken();
        long id = api.placeOrder(token, "Laptop", "5");

        ApiClient.Response first = api.patch("/orders/" + id + "/cancel", token);
        ApiClient.Response second = api.patch("/orders/" + id + "/cancel", token);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("status").asText()).isEqualTo("cancelled");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("type").asText()).isEqualTo("/problems/order-state-conflict");
        assertThat(second.json().get("detail").asText()).contains("cancelled");
    }

    @Test
    void the_history_lists_every_change_oldest_first_with_its_actor() {
        String token = api.newUserToken();
        long id = api.placeOrder(token, "Laptop", "5");
        api.patch("/orders/" + id + "/cancel", token);

        ApiClient.Response response = api.get("/orders/" + id + "/history", token);

        assertThat(response.status()).isEqualTo(200);
        JsonNode history = response.json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("from_status").isNull()).isTrue();
        assertThat(history.get(0).get("to_status").asText()).isEqualTo("pending");
        assertThat(history.get(0).get("actor").asText()).isEqualTo("user");
        assertThat(history.get(1).get("from_status").asText()).isEqualTo("pending");
        assertThat(history.get(1).get("to_status").asText()).isEqualTo("cancelled");
        assertThat(history.get(1).get("at").asText()).matches("\\d{4}-.*Z");
    }

    /** A problem body with what must differ between two requests (their id, path and request id) taken out. */
    private static JsonNode comparable(JsonNode problem, long id) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = problem.deepCopy();
        copy.put("detail", copy.get("detail").asText().replace("order " + id + " ", "order ID "));
        copy.remove("instance");
        copy.remove("request_id");
        return copy;
    }
}
