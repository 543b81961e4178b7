package com.acme.orders.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The scans of {@link Text} say what its regular expressions, the rules the OpenAPI document publishes, say. */
class TextTest {

    private static final Pattern VISIBLE = Pattern.compile(Text.VISIBLE);
    private static final Pattern TWO_VISIBLE = Pattern.compile(Text.TWO_VISIBLE);
    private static final Pattern FORBIDDEN = Pattern.compile("[" + Text.FORBIDDEN + "]");

    /** Every edge of every range, its neighbours, plain letters, spaces, surrogate halves and a whole emoji. */
    private static List<String> pieces() {
        List<String> pieces = new ArrayList<>(List.of("a", "Z", "é", "日", " ", "\uD83D\uDE00", "\uD83D", "\uDE00"));
        for (String body : List.of(Text.FORBIDDEN, Text.INVISIBLE)) {
            BitSet set = Text.characters(body);
            for (int c = set.nextSetBit(0); c >= 0; c = set.nextSetBit(c + 1)) {
                if (c == 0 || !set.get(c - 1) || !set.get(c + 1)) {
                    for (int near = Math.max(0, c - 1); near <= Math.min(Character.MAX_VALUE, c + 1); near++) {
                        pieces.add(String.valueOf((char) near));
                    }
                }
            }
        }
        return pieces;
    }

    @Test
    void on_generated_text_the_scans_agree_with_the_published_expressions() {
        List<String> pieces = pieces();
        Random random = new Random(20261203);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(6);
            for (int i = 0; i < length; i++) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            String s = text.toString();
            assertThat(Text.hasForbidden(s))
                    .as("forbidden in %s", codes(s))
                    .isEqualTo(FORBIDDEN.matcher(s).find());
            assertThat(Text.showsAtLeast(s, 1))
                    .as("visible %s", codes(s))
                    .isEqualTo(VISIBLE.matcher(s).matches());
            assertThat(Text.showsAtLeast(s, 2))
                    .as("two visible %s", codes(s))
                    .isEqualTo(TWO_VISIBLE.matcher(s).matches());
        }
    }

    @Test
    void every_character_alone_is_classified_as_the_expressions_classify_it() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String s = String.valueOf((char) c);
            assertThat(Text.hasForbidden(s))
                    .as("U+%04X", c)
                    .isEqualTo(FORBIDDEN.matcher(s).find());
            assertThat(Text.showsAtLeast(s, 1))
                    .as("U+%04X", c)
                    .isEqualTo(VISIBLE.matcher(s).matches());
        }
    }

    @Test
    void a_class_body_that_is_not_only_escapes_is_refused() {
        assertThat(Text.characters("\\u0041-\\u0043\\u0061").stream()).containsExactly(0x41, 0x42, 0x43, 0x61);
        assertThatThrownBy(() -> Text.characters("\\u0041a")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String codes(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(String.format("U+%04X ", c)));
        return out.toString().strip();
    }
}
