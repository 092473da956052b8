package dev.linkport.api;

import dev.linkport.platform.FieldError;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.TextRules;
import java.util.ArrayList;
import java.util.List;

/** Response shapes for lists, and the rules for {@code page}/{@code size} and a list's search text {@code q}. */
final class Pages {

    static final int MAX_SIZE = 100;

    private Pages() {
    }

    /** A list that is not paged (it is small by nature, e.g. one account's VPCs). */
    record Items<T>(List<T> items) {
    }

    /** One page of a longer list; {@code page} counts from 0. */
    record Page<T>(List<T> items, int page, int size, long total) {
    }

    static void check(int page, int size) {
        List<FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldError("page", "Pages count from 0"));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new FieldError("size", "Between 1 and " + MAX_SIZE + " items per page"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** A list's search text {@code q}: at most 100 characters (or none). */
    static void checkQuery(String q) {
        if (q != null && q.length() > 100) {
            throw InvalidInputException.of("q", "At most 100 characters");
        }
        if (!TextRules.isOneLine(q)) {
            throw InvalidInputException.of("q", TextRules.ONE_LINE_MESSAGE);
        }
    }

    static int offset(int page, int size) {
        long offset = (long) page * size;
        if (offset > Integer.MAX_VALUE) {
            throw InvalidInputException.of("page", "Page number too large");
        }
        return (int) offset;
    }
}
