package com.acme.orders.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The API's OpenAPI document and the two pages that show it. The document is written by hand in
 * {@code openapi/openapi.yaml}, next to this class's resources; the tests prove it matches the routes and every answer
 * the server gives. It is read once, given the running version, and served as JSON and YAML. Swagger UI and ReDoc come
 * from webjars inside the jar, so neither page fetches anything from the internet.
 */
final class ApiDocumentation {

    static final String WEBJARS_PATH = "/webjars";
    static final String ASSETS_PATH = "/api-docs";
    static final String YAML_CONTENT_TYPE = "application/yaml; charset=utf-8";

    private final byte[] json;
    private final byte[] yaml;
    private final String swaggerUiPage;
    private final String redocPage;

    ApiDocumentation(String version) {
        ObjectMapper yamlMapper = new ObjectMapper(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
        try {
            ObjectNode document = (ObjectNode) yamlMapper.readTree(resource("/openapi/openapi.yaml"));
            ((ObjectNode) document.required("info")).put("version", version);
            this.json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
            this.yaml = yamlMapper.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document could not be read", e);
        }
        this.swaggerUiPage = new String(resource("/openapi/swagger-ui.html"), StandardCharsets.UTF_8)
                .replace("{{swagger-ui}}", webjar("org.webjars", "swagger-ui"));
        this.redocPage = new String(resource("/openapi/redoc.html"), StandardCharsets.UTF_8)
                .replace("{{redoc}}", webjar("org.webjars.npm", "redoc"));
    }

    void json(Context ctx) {
        ctx.contentType("application/json").result(json);
    }

    void yaml(Context ctx) {
        ctx.contentType(YAML_CONTENT_TYPE).result(yaml);
    }

    void swaggerUi(Context ctx) {
        ctx.html(swaggerUiPage);
    }

    void redoc(Context ctx) {
        ctx.html(redocPage);
    }

    /** True for the HTML pages, which need a looser content security policy than the API's JSON answers. */
    static boolean isPage(String path) {
        return path.equals("/docs") || path.equals("/redoc");
    }

    /** Where a webjar's files are served: its version is read from the jar itself, so an upgrade needs no edit here. */
    private static String webjar(String groupId, String artifactId) {
        Properties pom = new Properties();
        try (InputStream in = ApiDocumentation.class.getResourceAsStream(
                "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the webjar " + groupId + ":" + artifactId + " is not on the class path");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return WEBJARS_PATH + "/" + artifactId + "/" + pom.getProperty("version");
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiDocumentation.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
