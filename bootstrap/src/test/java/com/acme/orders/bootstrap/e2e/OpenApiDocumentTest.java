package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.port.IdempotencyKey;
import com.acme.orders.application.port.in.event.ListEventsQuery;
import com.acme.orders.application.port.in.order.ListOrdersQuery;
import com.acme.orders.domain.order.Amount;
import com.acme.orders.domain.order.OrderEventType;
import com.acme.orders.domain.order.OrderStatus;
import com.acme.orders.domain.order.ProductName;
import com.acme.orders.domain.user.Email;
import com.acme.orders.domain.user.Password;
import com.acme.orders.domain.user.UserName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document against the server itself: the routes Javalin registered and the operations the document
 * lists are the same set, and the bounds the document states are the domain's own constants. Together with
 * {@link OpenApiContractTest}, which checks every answer, the document cannot drift from the code.
 */
class OpenApiDocumentTest extends ServiceTest {

    private JsonNode document;

    @BeforeAll
    void readDocument() throws IOException {
        document = new ObjectMapper().readTree(api.get("/openapi.json", null).body());
    }

    @Test
    void every_route_registered_in_javalin_is_documented() {
        Set<String> undocumented = new TreeSet<>(registeredRoutes());
        undocumented.removeAll(documentedOperations());
        assertThat(undocumented)
                .as("routes the OpenAPI document does not describe")
                .isEmpty();
    }

    @Test
    void every_documented_operation_is_a_registered_route() {
        Set<String> unserved = new TreeSet<>(documentedOperations());
        unserved.removeAll(registeredRoutes());
        assertThat(unserved)
                .as("documented operations the server does not serve")
                .isEmpty();
    }

    @Test
    void every_get_route_is_served_for_head_too_with_the_same_roles() {
        Set<String> gets = new TreeSet<>();
        Set<String> heads = new TreeSet<>();
        for (String route : service.app().routes()) {
            if (route.startsWith("GET ")) {
                gets.add(route.substring(4));
            } else if (route.startsWith("HEAD ")) {
                heads.add(route.substring(5));
            }
        }
        assertThat(heads)
                .as("HEAD routes: one for each GET route, registered by the route table")
                .isEqualTo(gets);
    }

    @Test
    void every_operation_lists_the_http_servers_own_refusals() {
        for (DocumentedOperation op : DocumentedOperation.all(document)) {
            assertThat(op.operation().get("responses").properties().stream().map(Map.Entry::getKey))
                    .as(op.route())
                    .contains("400", "408", "414", "417", "431");
        }
    }

    @Test
    void the_route_list_is_not_empty_and_names_paths_as_the_document_does() {
        assertThat(registeredRoutes()).contains("GET /orders/{id}", "PATCH /orders/{id}/cancel", "POST /auth/login");
        assertThat(documentedOperations()).hasSize(registeredRoutes().size());
    }

    @Test
    void the_yaml_document_is_the_json_document_and_both_carry_the_running_version() throws IOException {
        ApiClient.Response yaml = api.get("/openapi.yaml", null);
        assertThat(yaml.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
        assertThat(new ObjectMapper(new YAMLFactory()).readTree(yaml.body())).isEqualTo(document);

        String runningVersion = api.get("/", null).json().get("version").asText();
        assertThat(document.at("/info/version").asText()).isEqualTo(runningVersion);
        assertThat(document.at("/openapi").asText()).startsWith("3.");
    }

    @Test
    void the_documented_bounds_are_the_domain_rules() {
        JsonNode schemas = document.at("/components/schemas");
        assertThat(schemas.at("/ProductName/maxLength").asInt()).isEqualTo(ProductName.MAX_LENGTH);
        assertThat(schemas.at("/RegisterRequest/properties/name/minLength").asInt())
                .isEqualTo(UserName.MIN_LENGTH);
        assertThat(schemas.at("/RegisterRequest/properties/name/maxLength").asInt())
                .isEqualTo(UserName.MAX_LENGTH);
        assertThat(schemas.at("/RegisterRequest/properties/password/maxLength").asInt())
                .as("a character is at least one byte")
                .isEqualTo(Password.MAX_BYTES);
        assertThat(schemas.at("/RegisterRequest/properties/password/minLength").asInt())
                .as("a character is at most four bytes")
                .isEqualTo(Password.MIN_BYTES / 4);

        JsonNode amount = schemas.at("/Amount");
        assertThat(amount.get("maximum").decimalValue()).isEqualByComparingTo(Amount.MAX);
        assertThat(amount.get("minimum").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(amount.get("exclusiveMinimum").asBoolean()).isTrue();
        assertThat(amount.get("multipleOf").decimalValue())
                .isEqualByComparingTo(BigDecimal.ONE.movePointLeft(Amount.SCALE));

        assertThat(texts(schemas.at("/OrderStatus/enum")))
                .containsExactlyElementsOf(Arrays.stream(OrderStatus.values())
                        .map(OrderStatus::code)
                        .toList());

        JsonNode limit = parameter("/orders", "get", "limit").get("schema");
        assertThat(limit.get("minimum").asInt()).isEqualTo(1);
        assertThat(limit.get("maximum").asInt()).isEqualTo(ListOrdersQuery.MAX_LIMIT);
        assertThat(limit.get("default").asInt()).isEqualTo(ListOrdersQuery.DEFAULT_LIMIT);
        assertThat(schemas.at("/OrderPage/properties/orders/maxItems").asInt()).isEqualTo(ListOrdersQuery.MAX_LIMIT);
        JsonNode eventLimit = parameter("/events", "get", "limit").get("schema");
        assertThat(eventLimit.get("maximum").asInt()).isEqualTo(ListEventsQuery.MAX_LIMIT);
        assertThat(eventLimit.get("default").asInt()).isEqualTo(ListEventsQuery.DEFAULT_LIMIT);
        assertThat(schemas.at("/EventPage/properties/events/maxItems").asInt()).isEqualTo(ListEventsQuery.MAX_LIMIT);
        assertThat(parameter("/events", "get", "wait").at("/schema/maximum").asLong())
                .isEqualTo(ListEventsQuery.MAX_WAIT.toSeconds());
        assertThat(texts(schemas.at("/OrderEvent/properties/type/enum")))
                .containsExactlyElementsOf(Arrays.stream(OrderEventType.values())
                        .map(OrderEventType::code)
                        .toList());
        assertThat(parameter("/orders", "post", "Idempotency-Key")
                        .at("/schema/maxLength")
                        .asInt())
                .isEqualTo(IdempotencyKey.MAX_LENGTH);
    }

    @Test
    void the_documented_patterns_are_the_domain_rules() {
        JsonNode schemas = document.at("/components/schemas");
        assertThat(schemas.at("/RegisterRequest/properties/name/pattern").asText())
                .isEqualTo(UserName.PATTERN);
        assertThat(schemas.at("/ProductName/pattern").asText()).isEqualTo(ProductName.PATTERN);
        assertThat(schemas.at("/Email/pattern").asText()).isEqualTo(Email.PATTERN);
        assertThat(schemas.at("/RegisterRequest/properties/email/$ref").asText())
                .isEqualTo("#/components/schemas/Email");
        assertThat(schemas.at("/LoginRequest/properties/email/$ref").asText()).isEqualTo("#/components/schemas/Email");
        assertThat(schemas.at("/LoginRequest/properties/password/minLength").asInt())
                .isEqualTo(Password.MIN_BYTES / 4);
        assertThat(schemas.at("/Email/maxLength").asInt()).isEqualTo(Email.MAX_LENGTH);
    }

    @Test
    void the_order_event_log_out_and_me_operations_require_the_bearer_token_and_no_other_operation_does() {
        for (DocumentedOperation op : DocumentedOperation.all(document)) {
            List<String> schemes = StreamSupport.stream(
                            op.operation().path("security").spliterator(), false)
                    .flatMap(requirement ->
                            StreamSupport.stream(((Iterable<String>) requirement::fieldNames).spliterator(), false))
                    .toList();
            String what = op.route();
            assertThat(op.operation().has("security"))
                    .as(what + " states its security")
                    .isTrue();
            if (op.path().startsWith("/orders")
                    || op.path().startsWith("/events")
                    || op.path().startsWith("/webhooks")
                    || op.path().equals("/auth/logout")
                    || op.path().equals("/auth/me")) {
                assertThat(schemes).as(what).containsExactly("bearerAuth");
            } else {
                assertThat(schemes).as(what).isEmpty();
            }
        }
    }

    /** The registered routes but HEAD, which the document states once for every GET path. */
    private Set<String> registeredRoutes() {
        return service.app().routes().stream()
                .filter(route -> !route.startsWith("HEAD "))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> documentedOperations() {
        return DocumentedOperation.all(document).stream()
                .map(DocumentedOperation::route)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private JsonNode parameter(String path, String method, String name) {
        for (JsonNode parameter : document.at("/paths/" + path.replace("/", "~1") + "/" + method + "/parameters")) {
            if (parameter.get("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " on " + method + " " + path);
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }
}
