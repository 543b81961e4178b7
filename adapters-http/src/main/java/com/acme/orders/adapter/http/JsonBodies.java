package com.acme.orders.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads a request body as one JSON object of a request record. The body must be declared JSON, fit the size limit
 * (enforced by Javalin while reading, chunked or not), and hold exactly the record's fields with the right types.
 */
final class JsonBodies {

    private final ObjectMapper mapper;

    JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    <T> T read(Context ctx, Class<T> type) {
        return read(ctx.contentType(), ctx::bodyAsBytes, type);
    }

    /** Where a body's bytes come from: the request, read once, or a test's bytes. */
    @FunctionalInterface
    interface Source {
        byte[] bytes() throws IOException;
    }

    <T> T read(String contentType, Source source, Class<T> type) {
        requireJsonContentType(contentType);
        byte[] body;
        try {
            body = source.bytes();
        } catch (IOException e) {
            throw ApiException.malformedJson("The request body could not be read.");
        }
        if (body.length == 0) {
            throw ApiException.malformedJson("The request body is empty; a JSON object is expected.");
        }
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw ApiException.malformedJson("The request body is null; a JSON object is expected.");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.invalidField(fieldOf(e), "is not a field of this request");
        } catch (InvalidFormatException e) {
            throw ApiException.invalidField(fieldOf(e), "must be " + expected(e.getTargetType()));
        } catch (MismatchedInputException e) {
            if (e.getPath().isEmpty()) {
                throw ApiException.malformedJson("The request body must be a JSON object.");
            }
            throw ApiException.invalidField(fieldOf(e), "must be " + expected(e.getTargetType()));
        } catch (JsonMappingException e) {
            throw ApiException.malformedJson("The request body could not be read as this request.");
        } catch (JsonProcessingException e) {
            throw ApiException.malformedJson("The request body is not valid JSON (at line "
                    + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ").");
        } catch (IOException e) {
            throw ApiException.malformedJson("The request body could not be read.");
        }
    }

    private static void requireJsonContentType(String contentType) {
        if (contentType == null) {
            throw ApiException.unsupportedMediaType("A body must be sent as application/json.");
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw ApiException.unsupportedMediaType("A body must be sent as application/json, not " + mediaType + ".");
        }
    }

    private static String fieldOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        return "of another type";
    }
}
