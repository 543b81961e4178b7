package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus alert rules of deploy/prometheus are valid and behave as their unit tests say
 * ({@code promtool test rules}); a rule changed so that it no longer fires makes the tests fail.
 */
class AlertRulesIT {

    static final Path RULES = Path.of(System.getProperty("prometheus.rules.dir", "../deploy/prometheus"))
            .toAbsolutePath()
            .normalize();

    @Test
    void the_rules_are_valid_and_pass_their_unit_tests() {
        Path promtool = ExternalCommand.systemTool("promtool", "prometheus");

        ExternalCommand check = ExternalCommand.run(
                RULES, Map.of(), List.of(promtool.toString(), "check", "rules", "order-service.rules.yml"));
        assertThat(check.exitCode()).as(check.output()).isZero();
        ExternalCommand test = ExternalCommand.run(
                RULES, Map.of(), List.of(promtool.toString(), "test", "rules", "order-service.rules.test.yml"));
        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    @Test
    void the_unit_tests_fail_when_a_rule_no_longer_fires(@TempDir Path copy) throws IOException {
        Path promtool = ExternalCommand.systemTool("promtool", "prometheus");
        String rules = Files.readString(RULES.resolve("order-service.rules.yml"));
        Files.writeString(copy.resolve("order-service.rules.yml"), rules.replace("> 360", "> 36000"));
        Files.copy(RULES.resolve("order-service.rules.test.yml"), copy.resolve("order-service.rules.test.yml"));

        ExternalCommand test = ExternalCommand.run(
                copy, Map.of(), List.of(promtool.toString(), "test", "rules", "order-service.rules.test.yml"));

        assertThat(test.exitCode()).as(test.output()).isNotZero();
        assertThat(test.output()).contains("OrderProcessingStalled");
    }
}
