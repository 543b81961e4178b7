package com.acme.orders.adapter.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpException;

/**
 * The one reader of request bodies: one JSON object of a request record, taken exactly or refused. The body must be
 * declared JSON (else 415), fit the size limit (413, enforced by Javalin while reading, chunked or not), arrive whole
 * (a body that ends before its {@code Content-Length}, or a broken chunked framing, is a 400), be valid UTF-8, stay
 * within the parser's limits ({@link Json}), and hold exactly the record's fields with the right types and
 * well-formed text. Every refusal is an {@link ApiException} whose message is built only from what every failure has.
 */
final class JsonBodies {

    static final String LIMITS = "Numbers may have at most " + Json.MAX_NUMBER_LENGTH + " characters, nesting at most "
            + Json.MAX_NESTING_DEPTH + " levels, field names at most " + Json.MAX_NAME_LENGTH + " characters.";

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
        String text = utf8(bytesOf(source));
        try {
            T value = mapper.readValue(text, type);
            if (value == null) {
                throw ApiException.malformedJson("The request body is null; a JSON object is expected.");
            }
            return value;
        } catch (Json.UnpairedSurrogateException e) {
            throw ApiException.invalidField(
                    fieldOf(e), "must be well-formed Unicode: an unpaired surrogate cannot be stored exactly");
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
            if (e.getCause() instanceof StreamConstraintsException) {
                throw ApiException.malformedJson("The request body exceeds a limit of the JSON parser. " + LIMITS);
            }
            throw ApiException.malformedJson("The request body could not be read as this request.");
        } catch (StreamConstraintsException e) {
            throw ApiException.malformedJson("The request body exceeds a limit of the JSON parser. " + LIMITS);
        } catch (JsonProcessingException e) {
            throw ApiException.malformedJson("The request body is not valid JSON" + at(e.getLocation()) + ".");
        }
    }

    /**
     * The body's bytes, or a 400 when they did not arrive whole: Jetty reports an early end of stream as an
     * {@link IOException} and a broken chunked framing as one of its {@link HttpException}s. Javalin's own 413 passes
     * through.
     */
    private static byte[] bytesOf(Source source) {
        byte[] body;
        try {
            body = source.bytes();
        } catch (IOException | UncheckedIOException e) {
            if (RequestReadDeadline.isDeadline(e)) {
                throw ApiException.requestTimeout("The request body did not arrive within the request read deadline.");
            }
            throw ApiException.malformedJson(
                    "The request body ended early: shorter than its Content-Length, or its chunked framing is broken.");
        } catch (RuntimeException e) {
            if ((e instanceof HttpException jetty && jetty.getCode() == 408) || RequestReadDeadline.isDeadline(e)) {
                throw ApiException.requestTimeout("The request body did not arrive within the request read deadline.");
            }
            if (e instanceof HttpException jetty && jetty.getCode() != 413) {
                throw ApiException.malformedJson(
                        "The request body could not be read: its chunked framing or its length is broken.");
            }
            throw e;
        }
        if (body.length == 0) {
            throw ApiException.malformedJson("The request body is empty; a JSON object is expected.");
        }
        return body;
    }

    /** The body as text, if it is valid UTF-8 (RFC 8259 §8.1): never decoded with replacement characters. */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiException.malformedJson("The request body is not valid UTF-8.");
        }
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
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
