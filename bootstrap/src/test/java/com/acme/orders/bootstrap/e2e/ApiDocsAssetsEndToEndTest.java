package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The files the documentation pages load come from inside the jar (Javalin's own static file handler, see
 * ApiDocumentation), and nothing else does: not the webjar's demo page or its Petstore initializer, not a directory,
 * not a file outside the two asset folders.
 */
class ApiDocsAssetsEndToEndTest extends ServiceTest {

    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"");
    private static final Map<String, String> CONTENT_TYPES =
            Map.of("js", "text/javascript", "css", "text/css", "png", "image/png");

    @Test
    void every_file_the_two_pages_reference_is_served_with_its_content_type() {
        List<String> references = new ArrayList<>();
        for (String page : new String[] {"/docs", "/redoc"}) {
            Matcher reference = REFERENCE.matcher(api.get(page, null).body());
            while (reference.find()) {
                references.add(reference.group(1));
            }
        }
        assertThat(references)
                .hasSize(7)
                .anyMatch(path -> path.startsWith("/webjars/swagger-ui/"))
                .anyMatch(path -> path.startsWith("/webjars/redoc/"))
                .anyMatch(path -> path.startsWith("/api-docs/"));

        SoftAssertions softly = new SoftAssertions();
        for (String path : references) {
            ApiClient.Response response = api.get(path, null);
            softly.assertThat(response.status()).as(path).isEqualTo(200);
            softly.assertThat(response.body()).as(path).isNotEmpty();
            String extension = path.substring(path.lastIndexOf('.') + 1);
            softly.assertThat(response.header("Content-Type"))
                    .as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith(CONTENT_TYPES.get(extension)));
            softly.assertThat(response.header("X-Content-Type-Options"))
                    .as(path)
                    .contains("nosniff");
        }
        softly.assertAll();
    }

    @Test
    void the_webjars_demo_page_its_initializer_directories_and_other_files_are_not_served() {
        String swaggerUi = swaggerUiFolder();
        SoftAssertions softly = new SoftAssertions();
        for (String path : new String[] {
            swaggerUi + "/index.html",
            swaggerUi + "/",
            swaggerUi + "/swagger-initializer.js",
            "/webjars/",
            "/api-docs/",
            "/api-docs/missing.js",
            "/webjars/../openapi/openapi.yaml",
            "/api-docs/%2e%2e/openapi/openapi.yaml",
            "/api-docs/..%2Fopenapi%2Fopenapi.yaml",
            "/webjars/%2e%2e/%2e%2e/META-INF/MANIFEST.MF",
            "/webjars/swagger-ui/../../logback.xml"
        }) {
            ApiClient.Response response = api.get(path, null);
            softly.assertThat(response.status()).as(path).isBetween(400, 404);
            softly.assertThat(response.body()).as(path).doesNotContain("petstore", "<configuration", "openapi:");
        }
        softly.assertAll();
    }

    /** {@code /webjars/swagger-ui/<version>}, as the Swagger UI page references it. */
    private String swaggerUiFolder() {
        Matcher css = Pattern.compile("\"(/webjars/swagger-ui/[^/\"]+)/swagger-ui\\.css\"")
                .matcher(api.get("/docs", null).body());
        assertThat(css.find())
                .as("the Swagger UI page references its stylesheet")
                .isTrue();
        return css.group(1);
    }
}
