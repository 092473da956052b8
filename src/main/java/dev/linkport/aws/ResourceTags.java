package dev.linkport.aws;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The tags Linkport puts on everything it creates in AWS: {@value #SERVICE_ID} (Linkport's listing id) on endpoint
 * services, {@value #REQUEST_ID} (Linkport's request id) on interface endpoints, {@value #TEAM} (the owning team's
 * name) on both, plus the configured cost-allocation tags ({@code linkport.aws.tags}). The generated permission
 * policies allow creates only with these request tags and changes only on resources carrying them.
 *
 * <p>Also AWS's rules for tags, so configuration is refused at start-up rather than by AWS at the first create.
 */
@Component
public class ResourceTags {

    /** The prefix of Linkport's own keys; configured tags may not use it. */
    public static final String PREFIX = "linkport:";
    /** On interface endpoints: the id of the Linkport request that created it. */
    public static final String REQUEST_ID = "linkport:request-id";
    /** On endpoint services: the id of Linkport's catalog listing. */
    public static final String SERVICE_ID = "linkport:service-id";
    /** On both: the name of the team that owns the resource in Linkport. */
    public static final String TEAM = "linkport:team";

    /** AWS's limits: keys of 1 to 128 characters, values of up to 256, at most 50 tags per resource. */
    public static final int MAX_KEY_LENGTH = 128;
    public static final int MAX_VALUE_LENGTH = 256;
    public static final int MAX_TAGS = 50;
    /** Characters every AWS service accepts in tags: letters, digits, spaces and {@code _ . : / = + - @}. */
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private final Map<String, String> costAllocation;

    public ResourceTags(AwsTagProperties properties) {
        this.costAllocation = properties.tags();
    }

    /** The tags of an endpoint service Linkport creates for a listing of {@code team}. */
    public Map<String, String> forEndpointService(UUID listingId, String team) {
        return with(SERVICE_ID, listingId.toString(), team);
    }

    /** The tags of an interface endpoint Linkport creates for a request of {@code team}. */
    public Map<String, String> forEndpoint(UUID requestId, String team) {
        return with(REQUEST_ID, requestId.toString(), team);
    }

    /** The configured cost-allocation tags, in configuration order. */
    public Map<String, String> costAllocation() {
        return costAllocation;
    }

    private Map<String, String> with(String idKey, String id, String team) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(idKey, id);
        tags.put(TEAM, team);
        costAllocation.forEach(tags::putIfAbsent);
        return Collections.unmodifiableMap(tags);
    }

    /** What is wrong with one tag by AWS's rules, or empty when AWS accepts it. */
    public static Optional<String> problem(String key, String value) {
        if (key == null || key.isEmpty()) {
            return Optional.of("A tag key must not be empty");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            return Optional.of("The tag key " + abbreviate(key) + " is longer than " + MAX_KEY_LENGTH + " characters");
        }
        if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            return Optional.of("The tag key " + key + " starts with aws:, which AWS reserves for itself");
        }
        if (!ALLOWED.matcher(key).matches()) {
            return Optional.of("The tag key " + abbreviate(key)
                    + " may hold only letters, digits, spaces and _ . : / = + - @");
        }
        if (value == null) {
            return Optional.of("The tag " + key + " needs a value (it may be empty)");
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            return Optional.of("The value of tag " + key + " is longer than " + MAX_VALUE_LENGTH + " characters");
        }
        if (!ALLOWED.matcher(value).matches()) {
            return Optional.of("The value of tag " + key + " may hold only letters, digits, spaces and _ . : / = + - @");
        }
        return Optional.empty();
    }

    /** Every problem of a set of tags by AWS's rules; empty when AWS accepts them all. */
    public static List<String> problems(Map<String, String> tags) {
        List<String> problems = new ArrayList<>();
        if (tags.size() > MAX_TAGS) {
            problems.add("AWS allows at most " + MAX_TAGS + " tags on a resource, not " + tags.size());
        }
        tags.forEach((key, value) -> problem(key, value).ifPresent(problems::add));
        return problems;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
