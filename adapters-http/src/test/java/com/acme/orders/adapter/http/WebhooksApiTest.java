package com.acme.orders.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.port.DeliveryAttempt;
import com.acme.orders.domain.order.OrderEventType;
import com.acme.orders.domain.webhook.DeliveryState;
import com.acme.orders.domain.webhook.WebhookId;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /webhooks} on the real server over the in-memory fakes. */
class WebhooksApiTest {

    private static RunningApi api;

    @BeforeAll
    static void start() {
        api = RunningApi.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static RunningApi.Answer register(String token, String body) {
        return api.post("/webhooks", body, RunningApi.bearer(token));
    }

    private static long registered(String token) {
        RunningApi.Answer answer = register(token, "{\"url\":\"https://hooks.example.com/orders\"}");
        assertThat(answer.status()).isEqualTo(201);
        return answer.json().get("id").asLong();
    }

    private static RunningApi.Answer delete(String token, String path) {
        return api.send(
                api.request(path).header("Authorization", "Bearer " + token).DELETE());
    }

    @Test
    void a_registration_answers_201_with_the_secret_once_and_every_event_type_by_default() {
        String token = api.newUserToken();

        RunningApi.Answer answer = register(token, "{\"url\":\"https://hooks.example.com/orders?x=1\"}");

        assertThat(answer.status()).isEqualTo(201);
        JsonNode body = answer.json();
        assertThat(answer.header("Location"))
                .contains("/webhooks/" + body.get("id").asLong());
        assertThat(body.get("url").asText()).isEqualTo("https://hooks.example.com/orders?x=1");
        assertThat(body.get("events").toString())
                .isEqualTo("[\"order.created\",\"order.processing\",\"order.completed\",\"order.cancelled\"]");
        String secret = body.get("secret").asText();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length())))
                .hasSizeGreaterThanOrEqualTo(24);
        assertThat(body.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

        JsonNode read = api.get("/webhooks/" + body.get("id").asLong(), RunningApi.bearer(token))
                .json();
        assertThat(read.has("secret")).isFalse();
        assertThat(read.get("url")).isEqualTo(body.get("url"));
        JsonNode list = api.get("/webhooks", RunningApi.bearer(token)).json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).has("secret")).isFalse();
    }

    @Test
    void two_registrations_get_different_secrets() {
        String token = api.newUserToken();
        String body = "{\"url\":\"https://hooks.example.com/a\"}";

        assertThat(register(token, body).json().get("secret"))
                .isNotEqualTo(register(token, body).json().get("secret"));
    }

    @Test
    void an_event_filter_is_kept() {
        String token = api.newUserToken();

        RunningApi.Answer answer = register(
                token, "{\"url\":\"https://hooks.example.com/a\",\"events\":[\"order.cancelled\",\"order.created\"]}");

        assertThat(answer.json().get("events").toString()).isEqualTo("[\"order.created\",\"order.cancelled\"]");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"url\":\"ftp://hooks.example.com/\"}",
                "{\"url\":\"not a url\"}",
                "{\"url\":\"\"}",
                "{\"url\":null}",
                "{}",
                "{\"url\":\"https://user:pw@hooks.example.com/\"}"
            })
    void a_bad_url_is_a_400_naming_url(String body) {
        RunningApi.Answer answer = register(api.newUserToken(), body).assertProblem(400);

        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"order.shipped\"]", "[]", "[null]", "[\"ORDER.CREATED\"]"})
    void an_unknown_or_empty_event_filter_is_a_400_naming_events(String events) {
        RunningApi.Answer answer = register(
                        api.newUserToken(), "{\"url\":\"https://hooks.example.com/\",\"events\":" + events + "}")
                .assertProblem(400);

        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("events");
    }

    @Test
    void a_refused_target_is_a_400_of_its_own_type() {
        RunningApi.Answer answer = register(
                        api.newUserToken(), "{\"url\":\"http://metadata" + RunningApi.REFUSED_HOST_SUFFIX + "/\"}")
                .assertProblem(400);

        assertThat(answer.json().get("type").asText()).isEqualTo("/problems/webhook-target-refused");
        assertThat(answer.json().get("detail").asText()).contains("private");
    }

    @Test
    void an_eleventh_webhook_is_refused_with_400_and_one_can_be_registered_again_after_a_delete() {
        String token = api.newUserToken();
        long first = 0;
        for (int i = 0; i < 10; i++) {
            long id = registered(token);
            first = first == 0 ? id : first;
        }

        RunningApi.Answer answer =
                register(token, "{\"url\":\"https://hooks.example.com/11\"}").assertProblem(400);

        assertThat(answer.json().get("type").asText()).isEqualTo("/problems/webhook-limit-reached");
        assertThat(delete(token, "/webhooks/" + first).status()).isEqualTo(204);
        assertThat(register(token, "{\"url\":\"https://hooks.example.com/11\"}").status())
                .isEqualTo(201);
    }

    @Test
    void a_secret_or_an_unknown_field_in_the_body_is_refused() {
        register(api.newUserToken(), "{\"url\":\"https://hooks.example.com/\",\"secret\":\"whsec_AAAA\"}")
                .assertProblem(400);
    }

    @Test
    void a_deleted_webhook_is_gone() {
        String token = api.newUserToken();
        long id = registered(token);

        assertThat(delete(token, "/webhooks/" + id).status()).isEqualTo(204);

        api.get("/webhooks/" + id, RunningApi.bearer(token)).assertProblem(404);
        delete(token, "/webhooks/" + id).assertProblem(404);
        assertThat(api.get("/webhooks", RunningApi.bearer(token)).json()).isEmpty();
    }

    @Test
    void someone_elses_webhook_answers_as_a_missing_one() {
        String owner = api.newUserToken();
        String other = api.newUserToken();
        long id = registered(owner);

        RunningApi.Answer read =
                api.get("/webhooks/" + id, RunningApi.bearer(other)).assertProblem(404);
        assertThat(read.json().get("type").asText()).isEqualTo("/problems/webhook-not-found");
        api.get("/webhooks/" + id + "/deliveries", RunningApi.bearer(other)).assertProblem(404);
        delete(other, "/webhooks/" + id).assertProblem(404);
        assertThat(api.get("/webhooks", RunningApi.bearer(other)).json()).isEmpty();
        assertThat(api.get("/webhooks/" + id, RunningApi.bearer(owner)).status())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "%EF%BC%91", "99999999999999999999"})
    void a_malformed_id_is_a_400_naming_id(String id) {
        String token = api.newUserToken();

        RunningApi.Answer answer =
                api.get("/webhooks/" + id, RunningApi.bearer(token)).assertProblem(400);

        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("id");
    }

    @Test
    void every_route_needs_a_token() {
        api.get("/webhooks").assertProblem(401);
        api.get("/webhooks/1").assertProblem(401);
        api.get("/webhooks/1/deliveries").assertProblem(401);
        api.post("/webhooks", "{\"url\":\"https://hooks.example.com/\"}").assertProblem(401);
        api.send(api.request("/webhooks/1").DELETE()).assertProblem(401);
    }

    @Test
    void deliveries_list_the_attempts_newest_first() {
        String token = api.newUserToken();
        long id = registered(token);
        Instant at = Instant.parse("2026-12-02T10:00:00.123Z");
        api.webhooks()
                .addAttempt(
                        new WebhookId(id),
                        new DeliveryAttempt(
                                7,
                                OrderEventType.CREATED,
                                1,
                                0,
                                Optional.of("no answer within 10 s"),
                                at,
                                Optional.of(at.plusSeconds(10)),
                                DeliveryState.PENDING));
        api.webhooks()
                .addAttempt(
                        new WebhookId(id),
                        new DeliveryAttempt(
                                7,
                                OrderEventType.CREATED,
                                2,
                                200,
                                Optional.empty(),
                                at.plusSeconds(10),
                                Optional.empty(),
                                DeliveryState.DELIVERED));

        JsonNode list = api.get("/webhooks/" + id + "/deliveries", RunningApi.bearer(token))
                .json();

        assertThat(list).hasSize(2);
        assertThat(list.get(0).toString())
                .isEqualTo("{\"event_id\":\"evt_7\",\"type\":\"order.created\",\"attempt\":2,\"status_code\":200,"
                        + "\"error\":null,\"at\":\"2026-12-02T10:00:10.123Z\",\"next_attempt_at\":null,"
                        + "\"state\":\"delivered\"}");
        assertThat(list.get(1).get("status_code").isNull()).isTrue();
        assertThat(list.get(1).get("error").asText()).isEqualTo("no answer within 10 s");
        assertThat(list.get(1).get("next_attempt_at").asText()).isEqualTo("2026-12-02T10:00:10.123Z");
    }

    @Test
    void a_head_of_the_list_answers_as_get_without_a_body() {
        String token = api.newUserToken();

        RunningApi.Answer answer = api.send(api.request("/webhooks")
                .header("Authorization", "Bearer " + token)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
    }
}
