package dev.linkport.sandbox;

import dev.linkport.aws.ResourceTags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** EC2's tags in the sandbox: TagSpecifications on create, {@code tagSet} in answers, {@code tag:} filters. */
final class SandboxTags {

    private SandboxTags() {
    }

    /**
     * The tags a create asks for ({@code TagSpecification.N.ResourceType}, {@code TagSpecification.N.Tag.M.Key/Value})
     * for the one resource type the action creates; other resource types are refused as EC2 does.
     */
    static Map<String, String> requested(QueryRequest r, String resourceType) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int n = 1; r.get("TagSpecification." + n + ".ResourceType") != null
                || r.get("TagSpecification." + n + ".Tag.1.Key") != null; n++) {
            String type = r.get("TagSpecification." + n + ".ResourceType");
            if (!resourceType.equals(type)) {
                throw new AwsException("InvalidParameterValue", "'" + type + "' is not a valid taggable resource type"
                        + " for this operation.");
            }
            tags.putAll(pairs(r, "TagSpecification." + n + ".Tag"));
        }
        check(tags);
        return tags;
    }

    /** {@code prefix.M.Key} / {@code prefix.M.Value} pairs in index order; a missing value is empty. */
    static Map<String, String> pairs(QueryRequest r, String prefix) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int m = 1; r.get(prefix + "." + m + ".Key") != null; m++) {
            String value = r.get(prefix + "." + m + ".Value");
            tags.put(r.get(prefix + "." + m + ".Key"), value == null ? "" : value);
        }
        return tags;
    }

    /** Refuses tags AWS refuses: reserved {@code aws:} keys, over-long keys or values, more than 50. */
    static void check(Map<String, String> tags) {
        if (tags.size() > ResourceTags.MAX_TAGS) {
            throw new AwsException("TagLimitExceeded", "The maximum number of tags per resource is "
                    + ResourceTags.MAX_TAGS);
        }
        tags.forEach((key, value) -> ResourceTags.problem(key, value).ifPresent(problem -> {
            throw new AwsException("InvalidParameterValue", problem);
        }));
    }

    /** Writes an EC2 {@code tagSet}. */
    static void render(Xml x, Map<String, String> tags) {
        x.items("tagSet", "item", tags.entrySet(), t -> x.leaf("key", t.getKey()).leaf("value", t.getValue()));
    }

    /**
     * Applies the {@code tag:<key>} and {@code tag-key} filters to {@code items} and returns the other filters, for
     * the action's own filter fields.
     */
    static <T> Map<String, List<String>> filter(List<T> items, Map<String, List<String>> filters,
            Function<T, Map<String, String>> tagsOf) {
        Map<String, List<String>> others = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> f : filters.entrySet()) {
            List<String> wanted = f.getValue();
            if (f.getKey().startsWith("tag:")) {
                String key = f.getKey().substring("tag:".length());
                items.removeIf(item -> !wanted.contains(tagsOf.apply(item).get(key)));
            } else if (f.getKey().equals("tag-key")) {
                items.removeIf(item -> tagsOf.apply(item).keySet().stream().noneMatch(wanted::contains));
            } else {
                others.put(f.getKey(), f.getValue());
            }
        }
        return others;
    }

    /** A mutable copy, for {@link #filter}. */
    static <T> List<T> mutable(List<T> items) {
        return new ArrayList<>(items);
    }
}
