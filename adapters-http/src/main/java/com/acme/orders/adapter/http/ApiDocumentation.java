package com.acme.orders.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.JavalinStaticResourceHandler;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The API's OpenAPI document and the two pages that show it. The document is written by hand in
 * {@code openapi/openapi.yaml}, next to this class's resources; the tests prove it matches the routes and every answer
 * the server gives. It is read once, on first use, given the running version, and served as JSON and YAML. Swagger UI
 * and ReDoc come from webjars inside the jar, so neither page fetches anything from the internet.
 */
final class ApiDocumentation {

    static final String SWAGGER_UI_PATH = "/docs";
    static final String REDOC_PATH = "/redoc";
    static final String WEBJARS_PATH = "/webjars";
    static final String ASSETS_PATH = "/api-docs";
    static final String YAML_CONTENT_TYPE = "application/yaml; charset=utf-8";

    private final String version;
    private volatile Rendered rendered;

    /** The document and the pages are built on first use, so that start-up does not wait for the YAML parser. */
    ApiDocumentation(String version) {
        this.version = version;
    }

    /**
     * Serves the files the two pages load: the Swagger UI and ReDoc webjars under {@value #WEBJARS_PATH}, and this
     * adapter's own scripts and styles under {@value #ASSETS_PATH}. The webjar's demo page and initializer, which
     * would load the Petstore document from the internet, are not served, nor is a directory, whose URL would serve
     * that page as its welcome file.
     *
     * <p>Javalin's own static file handler reads the class path through the class loader. Jetty's, Javalin's default,
     * first mounts the whole jar as a zip file system, some 15,000 entries, which slows every start-up
     * (docs/performance.md). Javalin runs its static-file tests against both handlers.
     */
    static void serveAssets(JavalinConfig config) {
        config.resourceHandler(new JavalinStaticResourceHandler());
        config.staticFiles.add(files -> {
            files.hostedPath = WEBJARS_PATH;
            files.directory = "META-INF/resources/webjars";
            files.location = Location.CLASSPATH;
            files.skipFileFunction = request -> request.getRequestURI().endsWith("/index.html")
                    || request.getRequestURI().endsWith("/swagger-initializer.js")
                    || request.getRequestURI().endsWith("/");
        });
        config.staticFiles.add(files -> {
            files.hostedPath = ASSETS_PATH;
            files.directory = "api-docs";
            files.location = Location.CLASSPATH;
        });
    }

    void json(Context ctx) {
        ctx.contentType("application/json").result(rendered().json());
    }

    void yaml(Context ctx) {
        ctx.contentType(YAML_CONTENT_TYPE).result(rendered().yaml());
    }

    void swaggerUi(Context ctx) {
        ctx.html(rendered().swaggerUiPage());
    }

    void redoc(Context ctx) {
        ctx.html(rendered().redocPage());
    }

    private Rendered rendered() {
        Rendered result = rendered;
        if (result == null) {
            synchronized (this) {
                result = rendered;
                if (result == null) {
                    result = Rendered.of(version);
                    rendered = result;
                }
            }
        }
        return result;
    }

    @SuppressWarnings("ArrayRecordComponent") // built once and only ever read: the arrays are never exposed to change
    private record Rendered(byte[] json, byte[] yaml, String swaggerUiPage, String redocPage) {

        static Rendered of(String version) {
            ObjectMapper yamlMapper = new ObjectMapper(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
            try {
                ObjectNode document = (ObjectNode) yamlMapper.readTree(resource("/openapi/openapi.yaml"));
                ((ObjectNode) document.required("info")).put("version", version);
                return new Rendered(
                        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(document),
                        yamlMapper.writeValueAsBytes(document),
                        new String(resource("/openapi/swagger-ui.html"), StandardCharsets.UTF_8)
                                .replace("{{swagger-ui}}", webjar("org.webjars", "swagger-ui")),
                        new String(resource("/openapi/redoc.html"), StandardCharsets.UTF_8)
                                .replace("{{redoc}}", webjar("org.webjars.npm", "redoc")));
            } catch (IOException e) {
                throw new UncheckedIOException("the OpenAPI document could not be read", e);
            }
        }
    }

    /** True for the HTML pages, which need a looser content security policy than the API's JSON answers. */
    static boolean isPage(String path) {
        return path.equals(SWAGGER_UI_PATH) || path.equals(REDOC_PATH);
    }

    /** Where a webjar's files are served: its version is read from the jar itself, so an upgrade needs no edit here. */
    private static String webjar(String groupId, String artifactId) {
        Properties pom = new Properties();
        try (InputStream in = ApiDocumentation.class.getResourceAsStream(
                "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException(
                        "the webjar " + groupId + ":" + artifactId + " is not on the class path");
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
