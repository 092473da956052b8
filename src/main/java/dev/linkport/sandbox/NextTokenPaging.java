package dev.linkport.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Filtering and NextToken/Marker pagination shared by the describe actions. */
final class NextTokenPaging {

    /** One page of results and the token for the next one (null on the last page). */
    record Page<T>(List<T> items, String nextToken) {
    }

    private NextTokenPaging() {
    }

    static <T> Page<T> page(List<T> all, Integer pageSize, String token, String errorCode) {
        int start = 0;
        if (token != null) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                if (!decoded.startsWith("offset:")) {
                    throw new IllegalArgumentException(decoded);
                }
                start = Integer.parseInt(decoded.substring("offset:".length()));
            } catch (IllegalArgumentException e) {
                throw new AwsException(errorCode, "The token '" + token + "' is invalid.");
            }
        }
        start = Math.min(start, all.size());
        if (pageSize == null || pageSize <= 0) {
            return new Page<>(List.copyOf(all.subList(start, all.size())), null);
        }
        int end = Math.min(all.size(), start + pageSize);
        String next = end < all.size()
                ? Base64.getUrlEncoder().withoutPadding().encodeToString(("offset:" + end).getBytes(StandardCharsets.UTF_8))
                : null;
        return new Page<>(List.copyOf(all.subList(start, end)), next);
    }

    /**
     * Applies EC2 filters: an item matches a filter when one of its values for that name is among the
     * filter's values; all filters must match. Unknown filter names are refused as EC2 does.
     */
    static <T> List<T> filter(Collection<T> items, Map<String, List<String>> filters,
            Map<String, Function<T, Collection<String>>> fields) {
        List<T> result = new ArrayList<>(items);
        for (Map.Entry<String, List<String>> f : filters.entrySet()) {
            Function<T, Collection<String>> field = fields.get(f.getKey());
            if (field == null) {
                throw new AwsException("InvalidParameterValue", "The filter '" + f.getKey() + "' is invalid");
            }
            List<String> wanted = f.getValue();
            result.removeIf(item -> field.apply(item).stream().noneMatch(v -> v != null && wanted.contains(v)));
        }
        return result;
    }
}
