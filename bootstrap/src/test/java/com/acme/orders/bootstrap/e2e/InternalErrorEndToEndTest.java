package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.http.testing.HygieneHeaders;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** A failure inside the service (here the database losing a table) answers a bare 500 problem, nothing internal. */
class InternalErrorEndToEndTest {

    @Test
    void a_database_failure_answers_500_problem_without_stack_trace_sql_class_or_driver_message() {
        try (RunningService service = RunningService.start()) {
            ApiClient api = service.client();
            String token = api.newUserToken();
            api.placeOrder(token, "Widget", "9.99");
            TestSql.execute(service.database(), "ALTER TABLE orders RENAME TO orders_gone");
            ApiClient.Response response;
            try {
                response = api.get("/orders", token);
            } finally {
                TestSql.execute(service.database(), "ALTER TABLE orders_gone RENAME TO orders");
            }

            assertThat(response.status()).isEqualTo(500);
            assertThat(response.header("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.json().get("request_id").asText()).isNotBlank();
            assertThat(response.body())
                    .doesNotContain(
                            "Exception",
                            "SQL",
                            "org.",
                            "com.",
                            "orders_gone",
                            "relation",
                            "at ",
                            "jdbi",
                            "postgres",
                            "\tat");
            SoftAssertions softly = new SoftAssertions();
            HygieneHeaders.assertCarried(softly, "500", response.raw().headers());
            softly.assertAll();
            assertThat(api.get("/orders", token).status())
                    .as("after the table is back")
                    .isEqualTo(200);
        }
    }
}
