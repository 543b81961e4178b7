package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Postman collection in docs/postman runs green with newman against a live service: register, log in, create,
 * list, get, history and cancel, the token and the order id passed from one request to the next; and the metrics, on
 * the management listener.
 */
class PostmanCollectionIT extends ServiceTest {

    /** The collection registers a webhook; here its URL is on loopback, where nothing listens. */
    @Override
    protected Map<String, String> environment() {
        return Map.of("WEBHOOK_ALLOW_PRIVATE_TARGETS", "true");
    }

    @Test
    void the_postman_collection_runs_green_against_a_live_service() throws IOException {
        Path newman = ExternalCommand.npmTool("newman");
        Path collection = Path.of(System.getProperty(
                        "postman.collection", "../docs/postman/order-service.postman_collection.json"))
                .toAbsolutePath();
        Path report = Files.createTempFile("newman", ".json");
        try {
            ExternalCommand run = ExternalCommand.run(
                    ExternalCommand.apiTools(),
                    Map.of(),
                    List.of(
                            newman.toString(),
                            "run",
                            collection.toString(),
                            "--env-var",
                            "baseUrl=" + api.base(),
                            "--env-var",
                            "managementUrl=" + service.managementClient().base(),
                            "--env-var",
                            "webhookUrl=http://127.0.0.1:9/hook",
                            "--reporters",
                            "cli,json",
                            "--reporter-json-export",
                            report.toString(),
                            "--color",
                            "off"));

            assertThat(run.exitCode()).as(run.output()).isZero();
            JsonNode stats = new ObjectMapper().readTree(report.toFile()).at("/run/stats");
            assertThat(stats.at("/requests/total").asInt()).as(run.output()).isEqualTo(19);
            assertThat(stats.at("/requests/failed").asInt()).isZero();
            assertThat(stats.at("/assertions/total").asInt()).isGreaterThanOrEqualTo(15);
            assertThat(stats.at("/assertions/failed").asInt()).as(run.output()).isZero();
        } finally {
            Files.delete(report);
        }
    }
}
