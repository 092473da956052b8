package dev.linkport.aws;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Cost-allocation tags Linkport adds to everything it creates in AWS ({@code linkport.aws.tags}), besides its own
 * {@code linkport:*} tags ({@link ResourceTags}). Checked at start-up against AWS's rules for tags; keys starting
 * with {@code linkport:} belong to Linkport and are refused.
 *
 * @param tags key to value, e.g. {@code cost-center: "4711"}; keys with characters other than letters, digits and
 *             {@code -} need brackets in YAML ({@code "[Project/Name]": x})
 */
@ConfigurationProperties("linkport.aws")
public record AwsTagProperties(Map<String, String> tags) {

    /** Room left for Linkport's own tags within AWS's limit of 50 per resource. */
    static final int MAX_CONFIGURED = ResourceTags.MAX_TAGS - 2;

    public AwsTagProperties {
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        List<String> problems = new ArrayList<>(ResourceTags.problems(tags));
        if (tags.size() > MAX_CONFIGURED) {
            problems.add("linkport.aws.tags holds " + tags.size() + " tags; at most " + MAX_CONFIGURED
                    + " fit beside Linkport's own");
        }
        tags.keySet().stream().filter(key -> key.startsWith(ResourceTags.PREFIX))
                .forEach(key -> problems.add("The tag key " + key + " starts with " + ResourceTags.PREFIX
                        + ", which Linkport uses for its own tags"));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("linkport.aws.tags: " + String.join("; ", problems));
        }
    }
}
