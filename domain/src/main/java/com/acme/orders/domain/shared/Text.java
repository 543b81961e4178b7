package com.acme.orders.domain.shared;

import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of the value objects that hold human-readable text, written as regular expressions that mean the same in
 * Java and in ECMA-262 (the dialect of JSON Schema and so of the OpenAPI document, which states them verbatim): only
 * {@code \\uXXXX} escapes of the Basic Multilingual Plane inside character classes, no {@code \\s} or {@code \\p},
 * whose meaning differs between the two. A character outside the Basic Multilingual Plane (an emoji, say) counts as
 * visible in both.
 */
public final class Text {

    /**
     * Characters no text field takes: C0 and C1 controls, and the bidirectional embeddings, overrides and isolates
     * that make text display other than it reads (CVE-2021-42574, "Trojan Source").
     */
    public static final String FORBIDDEN = "\\u0000-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069";

    /**
     * Characters that show nothing: white space and the invisible format characters (zero-width spaces and joiners,
     * the soft hyphen, the byte order mark...), as Java's {@code Character.isWhitespace}, {@code isSpaceChar} and type
     * {@code FORMAT} find them in the Basic Multilingual Plane, less those {@link #FORBIDDEN} already names.
     */
    public static final String INVISIBLE = "\\u0020\\u00A0\\u00AD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890-\\u0891"
            + "\\u08E2\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u2029\\u202F\\u205F-\\u2064\\u206A-\\u206F\\u3000\\uFEFF"
            + "\\uFFF9-\\uFFFB";

    private static final String INVISIBLE_CHARACTER = "[" + INVISIBLE + "]";
    private static final String VISIBLE_CHARACTER = "[^" + FORBIDDEN + INVISIBLE + "]";
    private static final String ALLOWED_CHARACTER = "[^" + FORBIDDEN + "]";

    /** No forbidden character, and at least one visible one. Linear: the visible and invisible classes are disjoint. */
    public static final String VISIBLE = "^" + INVISIBLE_CHARACTER + "*" + VISIBLE_CHARACTER + ALLOWED_CHARACTER + "*$";

    /** No forbidden character, and at least two visible ones. */
    public static final String TWO_VISIBLE = "^" + INVISIBLE_CHARACTER + "*" + VISIBLE_CHARACTER + INVISIBLE_CHARACTER
            + "*" + VISIBLE_CHARACTER + ALLOWED_CHARACTER + "*$";

    /*
     * The checks scan the text once against tables made from the same ranges, as the regular expressions above say:
     * matching those cost 12% of the CPU of a list page in a profile, as every order read builds its product name.
     * TextTest holds the scan to the expressions.
     */
    private static final BitSet FORBIDDEN_CHARACTERS = characters(FORBIDDEN);
    private static final BitSet INVISIBLE_CHARACTERS = characters(INVISIBLE);

    private Text() {}

    /** The characters of a class body written as {@code \\uXXXX} escapes and {@code \\uXXXX-\\uXXXX} ranges. */
    static BitSet characters(String classBody) {
        Matcher escapes = Pattern.compile("\\\\u(\\p{XDigit}{4})(?:-\\\\u(\\p{XDigit}{4}))?")
                .matcher(classBody);
        BitSet characters = new BitSet(Character.MAX_VALUE + 1);
        int end = 0;
        while (escapes.lookingAt()) {
            int from = Integer.parseInt(escapes.group(1), 16);
            int to = escapes.group(2) == null ? from : Integer.parseInt(escapes.group(2), 16);
            characters.set(from, to + 1);
            end = escapes.end();
            escapes.region(end, classBody.length());
        }
        if (end != classBody.length()) {
            throw new IllegalArgumentException("not a class of \\\\u escapes: " + classBody);
        }
        return characters;
    }

    /** The length as JSON Schema's {@code minLength} and {@code maxLength} count it: in code points. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Whether the text holds a {@link #FORBIDDEN} character. */
    public static boolean hasForbidden(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (FORBIDDEN_CHARACTERS.get(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the text has no {@link #FORBIDDEN} character and at least {@code visible} visible ones: what
     * {@link #VISIBLE} (1) and {@link #TWO_VISIBLE} (2) match. Counted in code points, as the expressions count them.
     */
    public static boolean showsAtLeast(String text, int visible) {
        int seen = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (codePoint <= Character.MAX_VALUE) {
                if (FORBIDDEN_CHARACTERS.get(codePoint)) {
                    return false;
                }
                if (INVISIBLE_CHARACTERS.get(codePoint)) {
                    continue;
                }
            }
            seen++;
        }
        return seen >= visible;
    }
}
