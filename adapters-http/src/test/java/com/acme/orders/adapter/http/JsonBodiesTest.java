package com.acme.orders.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The body reader's refusals: each a 4xx {@link ApiException}, none an exception of the parser or the server. */
class JsonBodiesTest {

    private final JsonBodies bodies = new JsonBodies(Json.mapper());

    private PlaceOrderRequest read(String json) {
        return bodies.read("application/json", () -> json.getBytes(StandardCharsets.UTF_8), PlaceOrderRequest.class);
    }

    private static ApiException refusal(Runnable reading) {
        try {
            reading.run();
        } catch (ApiException refused) {
            return refused;
        }
        throw new AssertionError("not refused");
    }

    @ParameterizedTest
    @ValueSource(ints = {101, 1_001, 20_000})
    void a_number_longer_than_the_parsers_limit_is_malformed_json(int digits) {
        ApiException refused = refusal(() -> read("{\"amount\":" + "9".repeat(digits) + "}"));
        assertThat(refused.type()).isEqualTo(ProblemType.MALFORMED_JSON);
        assertThat(refused.getMessage()).contains("at most " + Json.MAX_NUMBER_LENGTH + " characters");
    }

    @Test
    void nesting_deeper_than_the_parsers_limit_is_malformed_json() {
        ApiException refused = refusal(() -> read("{\"x\":" + "[".repeat(1_001) + "]".repeat(1_001) + "}"));
        assertThat(refused.type()).isIn(ProblemType.MALFORMED_JSON, ProblemType.VALIDATION);
        ApiException deep = refusal(() -> read("[".repeat(40) + "]".repeat(40)));
        assertThat(deep.type()).isEqualTo(ProblemType.MALFORMED_JSON);
    }

    @Test
    void a_number_of_the_largest_valid_amount_is_read() {
        assertThat(read("{\"product_name\":\"Laptop\",\"amount\":1000000000.00}")
                        .amount())
                .isEqualByComparingTo("1000000000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab\\ud800cd", "\\udc00", "x\\ud83d", "\\ude00\\ud83d"})
    void an_unpaired_surrogate_escape_is_refused_naming_the_field(String text) {
        ApiException refused = refusal(() -> read("{\"product_name\":\"" + text + "\",\"amount\":1}"));
        assertThat(refused.type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(refused.errors()).extracting(Problem.FieldError::field).containsExactly("product_name");
    }

    @Test
    void a_surrogate_pair_is_one_character_and_taken() {
        assertThat(read("{\"product_name\":\"\\ud83d\\ude00\",\"amount\":1}").productName())
                .isEqualTo("\uD83D\uDE00");
    }

    @Test
    void a_body_that_is_not_utf8_is_malformed_json() {
        byte[] cesu = {
            '{',
            '"',
            'p',
            'r',
            'o',
            'd',
            'u',
            'c',
            't',
            '_',
            'n',
            'a',
            'm',
            'e',
            '"',
            ':',
            '"',
            (byte) 0xED,
            (byte) 0xA0,
            (byte) 0x80,
            '"',
            '}'
        };
        ApiException refused = refusal(() -> bodies.read("application/json", () -> cesu, PlaceOrderRequest.class));
        assertThat(refused.type()).isEqualTo(ProblemType.MALFORMED_JSON);
        assertThat(refused.getMessage()).contains("UTF-8");
    }

    @Test
    void a_body_that_ends_early_or_whose_chunks_are_broken_is_a_400() {
        ApiException early = refusal(() -> bodies.read(
                "application/json",
                () -> {
                    throw new EofException("Early EOF");
                },
                PlaceOrderRequest.class));
        ApiException chunked = refusal(() -> bodies.read(
                "application/json",
                () -> {
                    throw new HttpException.RuntimeException(400, "Bad chunk size");
                },
                PlaceOrderRequest.class));
        assertThat(early.type()).isEqualTo(ProblemType.MALFORMED_JSON);
        assertThat(chunked.type()).isEqualTo(ProblemType.MALFORMED_JSON);
    }

    @Test
    void javalins_413_passes_through() {
        assertThatThrownBy(() -> bodies.read(
                        "application/json",
                        () -> {
                            throw new io.javalin.http.ContentTooLargeResponse();
                        },
                        PlaceOrderRequest.class))
                .isInstanceOf(io.javalin.http.ContentTooLargeResponse.class);
    }

    @Test
    void broken_syntax_says_where_when_the_parser_knows() {
        ApiException refused = refusal(() -> read("{\"product_name\":}"));
        assertThat(refused.type()).isEqualTo(ProblemType.MALFORMED_JSON);
        assertThat(refused.getMessage()).contains("line 1");
    }
}
