package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document lints clean with Redocly CLI's strict recommended rules (api-tools/redocly.yaml; the operations
 * exempt from one rule are listed with the reason in api-tools/.redocly.lint-ignore.yaml). The linter is shown to
 * fail on a broken copy, so a clean result means something.
 */
class OpenApiLintIT {

    private static final String DOCUMENT = "../adapters-http/src/main/resources/openapi/openapi.yaml";
    private static final Map<String, String> OFFLINE =
            Map.of("REDOCLY_TELEMETRY", "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");

    @Test
    void the_document_lints_clean_with_the_strict_recommended_rules() {
        ExternalCommand lint = lint(DOCUMENT);

        assertThat(lint.exitCode()).as(lint.output()).isZero();
        assertThat(lint.output()).contains("Your API description is valid");
    }

    @Test
    void the_linter_fails_a_document_that_breaks_a_rule() throws IOException {
        String document = Files.readString(ExternalCommand.apiTools().resolve(DOCUMENT));
        Path broken = Files.createTempFile("openapi-broken", ".yaml");
        try {
            Files.writeString(broken, document.replace("      operationId: getOrder\n", ""));
            ExternalCommand lint = lint(broken.toString());

            assertThat(lint.exitCode()).as(lint.output()).isNotZero();
            assertThat(lint.output()).contains("operation-operationId");
        } finally {
            Files.delete(broken);
        }
    }

    private static ExternalCommand lint(String document) {
        Path redocly = ExternalCommand.npmTool("redocly");
        return ExternalCommand.run(
                ExternalCommand.apiTools(),
                OFFLINE,
                List.of(redocly.toString(), "lint", "--config", "redocly.yaml", document));
    }
}
