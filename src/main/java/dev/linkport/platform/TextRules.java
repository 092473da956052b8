package dev.linkport.platform;

/**
 * What text Linkport stores, one rule for views, the REST API and services that check by hand.
 * Single-line text (names, summaries, contacts, ids) holds no control characters, no line or
 * paragraph separators and no bidirectional overrides or isolates (they make a name read differently
 * from what it is, "Trojan Source"). Free text (descriptions, justifications, reasons) may hold tabs
 * and line breaks, but no other control characters: NUL cannot even be stored in PostgreSQL. Emoji,
 * right-to-left scripts, SQL and HTML are text like any other and are stored as written.
 */
public final class TextRules {

    public static final String ONE_LINE_MESSAGE =
            "Only printable characters on one line: no control characters, line breaks or direction overrides";
    public static final String FREE_TEXT_MESSAGE = "No control characters other than tabs and line breaks";

    private TextRules() {
    }

    /** Whether the text (null counts as fine: say "required" elsewhere) fits on one line without control characters. */
    public static boolean isOneLine(CharSequence text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || isInvisibleTrouble(c)) {
                return false;
            }
        }
        return true;
    }

    /** Whether free text (null is fine) holds no control characters besides tab, line feed and carriage return. */
    public static boolean isFreeText(CharSequence text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
            if (Character.isSurrogate(c) && !isPaired(text, i)) {
                return false;
            }
        }
        return true;
    }

    /** Refuses free text with control characters or more than {@code max} characters, naming the field. */
    public static void checkFreeText(String field, String text, int max) {
        if (text == null) {
            return;
        }
        if (!isFreeText(text)) {
            throw InvalidInputException.of(field, FREE_TEXT_MESSAGE);
        }
        if (text.trim().length() > max) {
            throw InvalidInputException.of(field, "At most " + max + " characters; " + text.trim().length() + " now");
        }
    }

    private static boolean isInvisibleTrouble(char c) {
        return c == '\u2028' || c == '\u2029' // line and paragraph separators
                || c >= '\u202A' && c <= '\u202E' // embeddings and overrides
                || c >= '\u2066' && c <= '\u2069' // isolates
                || c == '\uFEFF'; // zero-width no-break space (byte order mark)
    }

    private static boolean isPaired(CharSequence text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
