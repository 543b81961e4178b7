package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Sends real requests to the running service and checks each exchange against the OpenAPI document the service
 * serves: the answer (status, headers, body) must be one the document describes for that operation, and the request
 * must be valid by the document, or, when a test sends bad input on purpose, invalid by it too. Records which
 * documented answers were seen, so that a test can prove every one of them was exercised.
 */
final class ContractCheckedClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final JsonNode document;
    private final OpenApiInteractionValidator validator;
    private final Map<Pattern, String> templates = new LinkedHashMap<>();
    private final Set<String> seen = new ConcurrentSkipListSet<>();

    ContractCheckedClient(String base, String servedDocument) {
        this.base = base;
        try {
            this.document = JSON.readTree(servedDocument);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(servedDocument)
                .withStrictOperationPathMatching()
                .build();
        document.get("paths")
                .fieldNames()
                .forEachRemaining(template ->
                        templates.put(Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/]+")), template));
    }

    /** Every answer the document lists, as {@code METHOD template status}. */
    Set<String> documentedAnswers() {
        Set<String> answers = new TreeSet<>();
        for (DocumentedOperation operation : DocumentedOperation.all(document)) {
            operation
                    .operation()
                    .get("responses")
                    .fieldNames()
                    .forEachRemaining(status -> answers.add(operation.route() + " " + status));
        }
        return answers;
    }

    /** The documented answers this client has received, validated. */
    Set<String> seenAnswers() {
        return Set.copyOf(seen);
    }

    Call get(String path) {
        return new Call("GET", path);
    }

    Call post(String path) {
        return new Call("POST", path);
    }

    Call patch(String path) {
        return new Call("PATCH", path);
    }

    Call call(String method, String path) {
        return new Call(method, path);
    }

    /**
     * Sends {@code request} as raw bytes on a new connection (for what no HTTP client sends: a bad version, an
     * {@code Expect} it does not know), asserts the status, and checks the answer against the document's operation
     * {@code method template}.
     */
    void raw(String method, String template, String request, int status) {
        check(method, template, request, new ApiClient(URI.create(base).getPort()).sendRaw(bytes(request)), status);
    }

    /**
     * As {@link #raw}, for a request that never ends: its bytes are sent, the connection is kept open and the answer
     * is whatever the server sends before it closes the connection.
     */
    void rawUnfinished(String method, String template, String request, int status) {
        check(
                method,
                template,
                request,
                new ApiClient(URI.create(base).getPort()).sendUnfinished(bytes(request)),
                status);
    }

    private static byte[] bytes(String request) {
        return request.getBytes(StandardCharsets.ISO_8859_1);
    }

    private void check(String method, String template, String request, String raw, int status) {
        String answer = new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        String[] headAndBody = answer.split("\r\n\r\n", 2);
        String[] lines = headAndBody[0].split("\r\n");
        int answered = Integer.parseInt(lines[0].split(" ")[1]);
        SimpleResponse.Builder response =
                new SimpleResponse.Builder(answered).withBody(headAndBody.length == 2 ? headAndBody[1] : "");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] field = lines[i].split(":", 2);
            headers.computeIfAbsent(field[0].strip(), ignored -> new ArrayList<>())
                    .add(field[1].strip());
        }
        headers.forEach(response::withHeader);
        assertThat(answered)
                .as(request.lines().findFirst().orElse("") + " answered " + answer)
                .isEqualTo(status);
        List<String> problems = problems(validator.validateResponse(
                template.replace("{id}", "1"),
                com.atlassian.oai.validator.model.Request.Method.valueOf(method),
                response.build()));
        assertThat(problems).as("the answer breaks the document: " + answer).isEmpty();
        seen.add(method + " " + template + " " + status);
    }

    /** The served document, as JSON. */
    JsonNode document() {
        return document;
    }

    /**
     * One exchange as the document judges it: the answer, whether the request is valid by the document, and what in
     * the answer breaks it (empty when the answer is one the document describes for the operation).
     */
    record Exchange(ApiClient.Response response, List<String> requestProblems, List<String> answerProblems) {}

    /** One request under construction; {@link #expect} sends it and checks the exchange. */
    final class Call {

        private final String method;
        private final String pathAndQuery;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private String body;
        private boolean breaksDocument;

        private Call(String method, String pathAndQuery) {
            this.method = method;
            this.pathAndQuery = pathAndQuery;
        }

        Call token(String token) {
            return header("Authorization", "Bearer " + token);
        }

        Call json(String json) {
            header("Content-Type", "application/json");
            this.body = json;
            return this;
        }

        Call body(String contentType, String content) {
            header("Content-Type", contentType);
            this.body = content;
            return this;
        }

        /** Adds a header; a name given twice is sent twice. */
        Call header(String name, String value) {
            headers.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
            return this;
        }

        /** This request is bad input on purpose, and the document must say so too: its bounds are the server's. */
        Call breaksDocument() {
            this.breaksDocument = true;
            return this;
        }

        /** Sends the request, asserts the status, and checks request and answer against the document. */
        ApiClient.Response expect(int status) {
            Exchange exchange = exchange();
            ApiClient.Response response = exchange.response();
            String what = method + " " + pathAndQuery + " " + headers.keySet();
            assertThat(response.status()).as(what + " answered " + response).isEqualTo(status);
            assertThat(exchange.answerProblems())
                    .as("the answer to " + what + " breaks the document: " + response)
                    .isEmpty();
            List<String> requestProblems = exchange.requestProblems();
            if (breaksDocument) {
                assertThat(requestProblems)
                        .as("the document accepts the bad request " + what + " " + body)
                        .isNotEmpty();
            } else {
                assertThat(requestProblems)
                        .as("the document rejects the request " + what + " " + body)
                        .isEmpty();
            }
            return response;
        }

        /** Sends the request and judges request and answer by the document, asserting nothing. */
        Exchange exchange() {
            ApiClient.Response response = send();
            String path = pathAndQuery.split("\\?", 2)[0];
            List<String> answerProblems = problems(validator.validateResponse(
                    path, com.atlassian.oai.validator.model.Request.Method.valueOf(method), answer(response)));
            List<String> requestProblems;
            try {
                requestProblems = problems(validator.validateRequest(request(path)));
            } catch (RuntimeException unreadable) {
                // the validator fails on some numbers (1e400 overflows its double): such a request is none the
                // document describes
                requestProblems = List.of("the validator cannot read the request: " + unreadable);
            }
            if (answerProblems.isEmpty()) {
                seen.add(method + " " + templateOf(path) + " " + response.status());
            }
            return new Exchange(response, requestProblems, answerProblems);
        }

        private ApiClient.Response send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                    .timeout(Duration.ofSeconds(30))
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
            try {
                return new ApiClient.Response(http.send(builder.build(), HttpResponse.BodyHandlers.ofString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private SimpleRequest request(String path) {
            SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
            headers.forEach(request::withHeader);
            if (body != null) {
                request.withBody(body);
            }
            String[] parts = pathAndQuery.split("\\?", 2);
            if (parts.length == 2) {
                for (String pair : parts[1].split("&")) {
                    String[] nameAndValue = pair.split("=", 2);
                    request.withQueryParam(
                            decode(nameAndValue[0]), nameAndValue.length == 2 ? decode(nameAndValue[1]) : "");
                }
            }
            return request.build();
        }
    }

    private String templateOf(String path) {
        if (document.get("paths").has(path)) {
            return path;
        }
        return templates.entrySet().stream()
                .filter(entry -> entry.getKey().matcher(path).matches())
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no documented path matches " + path));
    }

    private static SimpleResponse answer(ApiClient.Response response) {
        SimpleResponse.Builder answer = new SimpleResponse.Builder(response.status()).withBody(response.body());
        response.raw().headers().map().forEach(answer::withHeader);
        return answer.build();
    }

    /** Errors and warnings both count: the document and the server must agree exactly. */
    private static List<String> problems(ValidationReport report) {
        List<String> problems = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            ValidationReport.Level level = message.getLevel();
            if (level == ValidationReport.Level.ERROR || level == ValidationReport.Level.WARN) {
                problems.add(message.getKey() + ": " + message.getMessage());
            }
        }
        return problems;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    static String describe(Set<String> answers) {
        return answers.stream().collect(Collectors.joining("\n  ", "\n  ", ""));
    }
}
