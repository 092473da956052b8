package dev.linkport.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResourceTagsTest {

    @Test
    void servicesAndEndpointsGetLinkportsTagsFirstThenTheConfiguredOnes() {
        ResourceTags tags = new ResourceTags(new AwsTagProperties(Map.of("cost-center", "4711")));
        UUID id = UUID.randomUUID();

        assertThat(tags.forEndpointService(id, "payments")).containsExactly(Map.entry("linkport:service-id",
                id.toString()), Map.entry("linkport:team", "payments"), Map.entry("cost-center", "4711"));
        assertThat(tags.forEndpoint(id, "checkout")).containsExactly(Map.entry("linkport:request-id", id.toString()),
                Map.entry("linkport:team", "checkout"), Map.entry("cost-center", "4711"));
        assertThat(new ResourceTags(new AwsTagProperties(null)).forEndpoint(id, "x")).hasSize(2);
    }

    @Test
    void configuredTagsFollowAwsRulesAndLeaveLinkportsKeysAlone() {
        assertThatThrownBy(() -> new AwsTagProperties(Map.of("aws:createdBy", "me")))
                .hasMessageContaining("starts with aws:");
        assertThatThrownBy(() -> new AwsTagProperties(Map.of("k".repeat(129), "v")))
                .hasMessageContaining("longer than 128");
        assertThatThrownBy(() -> new AwsTagProperties(Map.of("owner", "v".repeat(257))))
                .hasMessageContaining("longer than 256");
        assertThatThrownBy(() -> new AwsTagProperties(Map.of("linkport:team", "other")))
                .hasMessageContaining("Linkport uses for its own tags");
        assertThatThrownBy(() -> new AwsTagProperties(Map.of("owner", "a<b>")))
                .hasMessageContaining("may hold only letters");
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 49; i++) {
            many.put("tag-" + i, "v");
        }
        assertThatThrownBy(() -> new AwsTagProperties(many)).hasMessageContaining("at most 48");

        assertThat(new AwsTagProperties(Map.of("Project/Name", "Link port: 2 + 2 = 4 @ ops_team.", "empty", ""))
                .tags()).hasSize(2);
        assertThat(ResourceTags.problem("k".repeat(128), "v".repeat(256))).isEmpty();
    }
}
