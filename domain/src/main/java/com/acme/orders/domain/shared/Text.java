package com.acme.orders.domain.shared;

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

    private static final Pattern FORBIDDEN_CHARACTER = Pattern.compile("[" + FORBIDDEN + "]");

    private Text() {}

    /** The length as JSON Schema's {@code minLength} and {@code maxLength} count it: in code points. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Whether the text holds a {@link #FORBIDDEN} character. */
    public static boolean hasForbidden(String text) {
        return FORBIDDEN_CHARACTER.matcher(text).find();
    }
}
