package com.acme.orders.domain.shared;

/** Checks shared by the value objects that hold human-readable text. */
public final class Text {

    private Text() {}

    /**
     * Whether the text shows nothing: only white space and invisible format characters (zero-width spaces and
     * joiners, for example).
     */
    public static boolean isVisuallyBlank(String text) {
        return text.codePoints()
                .allMatch(c -> Character.isWhitespace(c)
                        || Character.isSpaceChar(c)
                        || Character.getType(c) == Character.FORMAT);
    }

    /**
     * Whether the text holds control characters or bidirectional overrides, which can make text display other than
     * it reads (CVE-2021-42574, "Trojan Source").
     */
    public static boolean hasControlOrBidiOverride(String text) {
        return text.codePoints()
                .anyMatch(
                        c -> Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069));
    }
}
