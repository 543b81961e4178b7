package com.acme.orders.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** One operation of an OpenAPI document: its method, its path template and its operation object. */
record DocumentedOperation(String method, String path, JsonNode operation) {

    /** The keys of a path item that are operations, as OpenAPI 3.0 names them (the others are parameters etc.). */
    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** Every operation of {@code document}, in the document's order. */
    static List<DocumentedOperation> all(JsonNode document) {
        List<DocumentedOperation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> item : path.getValue().properties()) {
                if (METHODS.contains(item.getKey())) {
                    operations.add(new DocumentedOperation(item.getKey(), path.getKey(), item.getValue()));
                }
            }
        }
        return operations;
    }

    /** As Javalin lists a route: {@code GET /orders/{id}}. */
    String route() {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }
}
