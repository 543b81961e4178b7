package com.acme.orders.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one JSON configuration of the API: {@code snake_case}, strict on input (unknown fields, duplicate keys,
 * trailing data, type coercions and text that is not well-formed Unicode are refused), with the parser's limits set
 * here rather than left to Jackson's defaults, money as exact decimals, times as RFC 3339 UTC with milliseconds.
 */
final class Json {

    /** Longer than any valid amount ({@code 1000000000.00} has 13); a longer number is refused before it is read. */
    static final int MAX_NUMBER_LENGTH = 100;
    /** Every request body is one flat object; a little room for what later requests may nest. */
    static final int MAX_NESTING_DEPTH = 32;
    /** Every field of every request is a short word; unknown fields are refused and named in the answer. */
    static final int MAX_NAME_LENGTH = 256;

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .maxStringLength(HttpSettings.MAX_BODY_BYTES)
            .maxDocumentLength(HttpSettings.MAX_BODY_BYTES)
            .build();

    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Json() {}

    static ObjectMapper mapper() {
        ObjectMapper mapper = JsonMapper.builder(
                        JsonFactory.builder().streamReadConstraints(LIMITS).build())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(JsonParser.Feature.ALLOW_COMMENTS)
                .defaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS))
                .addModule(new SimpleModule("order-api")
                        .addSerializer(Instant.class, new InstantSerializer())
                        .addDeserializer(String.class, new WellFormedStringDeserializer()))
                .build();
        // A number or a boolean where text is expected is a client error, not something to convert silently.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /**
     * Text as Jackson reads it, refused when it is not well-formed UTF-16: the JSON escape of a surrogate (U+D800 to
     * U+DFFF) without its pair decodes to a lone surrogate, which UTF-8 storage would turn into {@code ?} (RFC 8259
     * §8.2, RFC 7493 §2.1).
     */
    private static final class WellFormedStringDeserializer extends StdScalarDeserializer<String> {

        WellFormedStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && !isWellFormed(text)) {
                throw new UnpairedSurrogateException(parser);
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /** Whether every surrogate in {@code text} is half of a pair. */
    static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** A string of a body that is not well-formed Unicode; {@link JsonBodies} names its field. */
    static final class UnpairedSurrogateException extends JsonMappingException {

        UnpairedSurrogateException(JsonParser parser) {
            super(parser, "an unpaired surrogate");
        }
    }

    private static final class InstantSerializer extends StdSerializer<Instant> {

        InstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            char[] written = timestamp(value);
            generator.writeString(written, 0, written.length);
        }
    }

    /**
     * {@code value} as {@link #TIMESTAMP} writes it ({@code 2026-01-31T09:05:07.042Z}), filled in by hand for years 0
     * to 9999 and by the formatter beyond. Every order the API shows has two instants, so a page of a hundred orders
     * writes two hundred: the formatter's general machinery (field resolution, padding rules) costs far more than
     * putting 24 characters in place. {@code JsonTest} proves both ways write the same text.
     */
    static char[] timestamp(Instant value) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(value.getEpochSecond(), value.getNano(), ZoneOffset.UTC);
        if (utc.getYear() < 0 || utc.getYear() > 9999) {
            return TIMESTAMP.format(value).toCharArray();
        }
        char[] out = "0000-00-00T00:00:00.000Z".toCharArray();
        digits(out, 0, 4, utc.getYear());
        digits(out, 5, 2, utc.getMonthValue());
        digits(out, 8, 2, utc.getDayOfMonth());
        digits(out, 11, 2, utc.getHour());
        digits(out, 14, 2, utc.getMinute());
        digits(out, 17, 2, utc.getSecond());
        digits(out, 20, 3, utc.getNano() / 1_000_000);
        return out;
    }

    private static void digits(char[] out, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
