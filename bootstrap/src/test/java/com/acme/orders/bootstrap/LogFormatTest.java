package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JSON log configuration, loaded into a logging context of its own, its console output captured. */
class LogFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoggerContext context = new LoggerContext();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeEach
    void configureJson() {
        context.setMDCAdapter(new LogbackMDCAdapter());
        LogFormat.configure(context, LogFormat.class.getResource("/" + LogFormat.JSON.resource()));
        OutputStreamAppender<?> console = (OutputStreamAppender<?>)
                context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT");
        console.setOutputStream(output);
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void a_json_line_carries_the_request_id_and_the_access_fields_as_fields() throws Exception {
        context.getMDCAdapter().put("request_id", "req-42");
        context.getMDCAdapter().put("http_route", "/orders/{id}");
        context.getLogger("access").info("{} {} {} {}ms", "GET", "/orders/{id}", 404, "1.5");
        context.getMDCAdapter().clear();

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(1);
        JsonNode line = lines.getFirst();
        assertThat(line.get("request_id").asText()).isEqualTo("req-42");
        assertThat(line.get("http_route").asText()).isEqualTo("/orders/{id}");
        assertThat(line.get("message").asText()).isEqualTo("GET /orders/{id} 404 1.5ms");
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("logger_name").asText()).isEqualTo("access");
        assertThat(line.get("@timestamp").asText()).endsWith("Z");
    }

    @Test
    void an_error_and_its_stack_trace_are_one_json_line() throws Exception {
        context.getMDCAdapter().put("request_id", "req-7");
        context.getLogger("com.acme.orders.adapter.http.HttpApi")
                .error("Unexpected failure on GET /orders", new IllegalStateException("boom"));
        context.getMDCAdapter().clear();

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst().get("request_id").asText()).isEqualTo("req-7");
        assertThat(lines.getFirst().get("stack_trace").asText()).contains("IllegalStateException: boom");
    }

    @Test
    void the_json_format_keeps_the_quiet_levels_of_the_text_format() {
        assertThat(context.getLogger("org.quartz").getLevel()).hasToString("WARN");
        assertThat(context.getLogger("com.zaxxer.hikari").getLevel()).hasToString("WARN");
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).hasToString("INFO");
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }
}
