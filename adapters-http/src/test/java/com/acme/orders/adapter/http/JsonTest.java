package com.acme.orders.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void an_instant_is_written_as_the_timestamp_format_writes_it() {
        SplittableRandom random = new SplittableRandom(7);
        long lowest = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long highest = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant =
                    Instant.ofEpochSecond(random.nextLong(lowest, highest + 1), random.nextInt(1_000_000_000));
            assertThat(new String(Json.timestamp(instant))).isEqualTo(Json.TIMESTAMP.format(instant));
        }
    }

    @Test
    void edges_and_years_beyond_four_digits_match_the_timestamp_format() {
        for (String edge : new String[] {
            "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999999999Z",
            "2026-02-28T23:59:59.9995Z",
            "2024-02-29T12:00:00.001Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999Z",
            "+10000-01-01T00:00:00Z",
            "-0001-12-31T23:59:59Z"
        }) {
            Instant instant = Instant.parse(edge);
            assertThat(new String(Json.timestamp(instant))).as(edge).isEqualTo(Json.TIMESTAMP.format(instant));
        }
    }

    @Test
    void the_mapper_writes_an_instant_in_milliseconds_utc() throws JsonProcessingException {
        assertThat(Json.mapper().writeValueAsString(Instant.parse("2026-01-31T09:05:07.042917Z")))
                .isEqualTo("\"2026-01-31T09:05:07.042Z\"");
    }
}
