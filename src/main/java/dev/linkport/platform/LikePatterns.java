package dev.linkport.platform;

import java.util.Locale;

/** SQL {@code like} patterns for what people type into list filters. */
public final class LikePatterns {

    private LikePatterns() {
    }

    /**
     * A lower-case pattern matching the text anywhere (compare it with {@code lower(column)}), with
     * {@code %}, {@code _} and {@code \} taken literally; {@code %}, matching anything, for blank text.
     */
    public static String containing(String text) {
        if (text == null || text.isBlank()) {
            return "%";
        }
        // PostgreSQL text holds no NUL, so no stored value has one (and a parameter with one fails the query)
        String escaped = text.replace("\u0000", "").trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
