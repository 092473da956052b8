package dev.linkport.catalog.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What someone typed into the catalog's search box, read with PostgreSQL's web search syntax
 * ({@code payments -legacy}, {@code "card tokens"}, {@code kyc or aml}) and split for the two things
 * that syntax lacks: the word still being typed (matched as a prefix) and the words worth correcting
 * when they look like typos.
 *
 * @param head        the text before the word being typed, for {@code websearch_to_tsquery}
 * @param prefix      the word being typed, matched as a prefix; null when the text does not end in one
 * @param negated     the word being typed was excluded ({@code -leg})
 * @param correctable plain words (not excluded, not in quotes) long enough to correct, in lower case
 */
public record SearchText(String head, String prefix, boolean negated, List<String> correctable) {

    /** Words shorter than this are not corrected: trigram similarity says little about them. */
    static final int MIN_CORRECTABLE_LENGTH = 4;

    /** Longest text searched; the rest is ignored. */
    public static final int MAX_LENGTH = 200;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern LETTERS = Pattern.compile("\\p{L}+");

    private record Token(String text, int start, boolean negated, boolean quoted) {
    }

    /** Null for blank text: nothing to search for. */
    public static SearchText parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.length() > MAX_LENGTH ? raw.substring(0, MAX_LENGTH) : raw;
        List<Token> tokens = tokens(text);
        if (tokens.isEmpty()) {
            return null;
        }
        List<String> correctable = new ArrayList<>();
        for (Token t : tokens) {
            String word = t.text().toLowerCase(Locale.ROOT);
            if (!t.negated() && !t.quoted() && !word.equals("or") && word.length() >= MIN_CORRECTABLE_LENGTH
                    && LETTERS.matcher(word).matches() && !correctable.contains(word)) {
                correctable.add(word);
            }
        }
        Token last = tokens.getLast();
        boolean typing = Character.isLetterOrDigit(text.charAt(text.length() - 1)) && !last.quoted()
                && WORD.matcher(last.text()).matches()
                && !(tokens.size() > 1 && tokens.get(tokens.size() - 2).text().equalsIgnoreCase("or"))
                && !last.text().equalsIgnoreCase("or");
        if (!typing) {
            return new SearchText(text, null, false, correctable);
        }
        return new SearchText(text.substring(0, last.start()), last.text().toLowerCase(Locale.ROOT), last.negated(),
                correctable);
    }

    /** Tokens as web search syntax sees them: words, words in quotes, words after a minus. */
    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                int start = i;
                boolean negated = !quoted && c == '-';
                if (negated) {
                    i++;
                }
                int wordStart = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '"') {
                    i++;
                }
                if (i > wordStart) {
                    tokens.add(new Token(text.substring(wordStart, i), start, negated, quoted));
                }
            }
        }
        return tokens;
    }
}
