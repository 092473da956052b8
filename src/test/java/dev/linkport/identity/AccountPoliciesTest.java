package dev.linkport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.identity.service.AccountPolicies;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class AccountPoliciesTest {

    static final String ACCOUNT = "123456789012";
    static final List<String> US = List.of("us-east-1");

    final ObjectMapper json = new ObjectMapper();

    @Test
    void theTrustPolicyLetsOnlyLinkportInAndOnlyWithTheExternalId() {
        JsonNode policy = json.readTree(AccountPolicies.trustPolicy("arn:aws:iam::999999999999:role/linkport", "ext-\"1\""));
        JsonNode statement = policy.get("Statement").get(0);
        assertThat(statement.get("Principal").get("AWS").asText()).isEqualTo("arn:aws:iam::999999999999:role/linkport");
        assertThat(statement.get("Action").asText()).isEqualTo("sts:AssumeRole");
        assertThat(statement.get("Condition").get("StringEquals").get("sts:ExternalId").asText()).isEqualTo("ext-\"1\"");
    }

    @Test
    void theProviderAndConsumerPoliciesSplitExactlyTheActionsLinkportCalls() {
        List<String> provider = actions(provider());
        List<String> consumer = actions(consumer());

        assertThat(Set.copyOf(provider)).containsExactlyInAnyOrder(
                "ec2:CreateVpcEndpointServiceConfiguration", "ec2:DescribeVpcEndpointServiceConfigurations",
                "ec2:ModifyVpcEndpointServiceConfiguration", "ec2:DeleteVpcEndpointServiceConfigurations",
                "ec2:DescribeVpcEndpointServicePermissions", "ec2:ModifyVpcEndpointServicePermissions",
                "ec2:DescribeVpcEndpointConnections", "ec2:AcceptVpcEndpointConnections",
                "ec2:RejectVpcEndpointConnections", "ec2:StartVpcEndpointServicePrivateDnsVerification",
                "elasticloadbalancing:DescribeLoadBalancers", "ec2:DescribeAvailabilityZones", "ec2:CreateTags",
                "vpce:AllowMultiRegion", "elasticloadbalancing:DescribeTargetGroups",
                "elasticloadbalancing:DescribeTargetHealth", "cloudwatch:GetMetricData",
                "ec2:DescribeVpcEndpointServices");
        assertThat(Set.copyOf(consumer)).containsExactlyInAnyOrder(
                "ec2:DescribeAvailabilityZones", "ec2:DescribeVpcs", "ec2:DescribeSubnets",
                "ec2:DescribeSecurityGroups", "ec2:DescribeVpcEndpointServices", "ec2:CreateVpcEndpoint",
                "ec2:DescribeVpcEndpoints", "ec2:ModifyVpcEndpoint", "ec2:DeleteVpcEndpoints", "ec2:CreateTags",
                "vpce:AllowMultiRegion", "cloudwatch:GetMetricData");
        assertThat(provider).noneMatch(a -> a.contains("*"));
        assertThat(consumer).noneMatch(a -> a.contains("*"));
    }

    @Test
    void onlyReadsAreAllowedOnEveryResourceAndEveryStatementAllows() {
        for (JsonNode policy : List.of(provider(), consumer())) {
            assertThat(policy.get("Version").asText()).isEqualTo("2012-10-17");
            for (JsonNode statement : policy.get("Statement")) {
                assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
                assertThat(statement.get("Sid").asText()).matches("[A-Za-z0-9]+");
                if (values(statement.get("Resource")).contains("*")) {
                    assertThat(values(statement.get("Action")))
                            .allMatch(a -> a.contains(":Describe") || a.equals("cloudwatch:GetMetricData"));
                    assertThat(statement.has("Condition")).isFalse();
                }
            }
        }
    }

    @Test
    void createsNeedTheTeamsRequestTagsAndTaggingIsAllowedOnlyWhileCreating() {
        JsonNode create = statementAllowing(consumer(), "ec2:CreateVpcEndpoint", "vpc-endpoint/*");
        assertThat(create.at("/Condition/StringEquals/aws:RequestTag~1linkport:team").asText()).isEqualTo("payments");
        assertThat(create.at("/Condition/Null/aws:RequestTag~1linkport:request-id").asText()).isEqualTo("false");
        assertThat(values(create.get("Resource"))).containsExactly("arn:aws:ec2:*:" + ACCOUNT + ":vpc-endpoint/*");

        JsonNode createService = statementAllowing(provider(), "ec2:CreateVpcEndpointServiceConfiguration",
                "vpc-endpoint-service/*");
        assertThat(createService.at("/Condition/StringEquals/aws:RequestTag~1linkport:team").asText())
                .isEqualTo("payments");
        assertThat(createService.at("/Condition/Null/aws:RequestTag~1linkport:service-id").asText()).isEqualTo("false");

        assertThat(statementAllowing(consumer(), "ec2:CreateTags", "vpc-endpoint/*")
                .at("/Condition/StringEquals/ec2:CreateAction").asText()).isEqualTo("CreateVpcEndpoint");
        assertThat(statementAllowing(provider(), "ec2:CreateTags", "vpc-endpoint-service/*")
                .at("/Condition/StringEquals/ec2:CreateAction").asText())
                .isEqualTo("CreateVpcEndpointServiceConfiguration");
        assertThat(actions(consumer())).doesNotContain("ec2:DeleteTags");
    }

    @Test
    void changesAreAllowedOnlyOnResourcesCarryingTheTeamsTag() {
        for (String action : List.of("ec2:ModifyVpcEndpointServiceConfiguration",
                "ec2:DeleteVpcEndpointServiceConfigurations", "ec2:ModifyVpcEndpointServicePermissions",
                "ec2:AcceptVpcEndpointConnections", "ec2:RejectVpcEndpointConnections",
                "ec2:StartVpcEndpointServicePrivateDnsVerification")) {
            assertThat(statementAllowing(provider(), action, ACCOUNT + ":vpc-endpoint-service/*")
                    .at("/Condition/StringEquals/aws:ResourceTag~1linkport:team").asText()).as(action)
                    .isEqualTo("payments");
        }
        assertThat(statementAllowing(consumer(), "ec2:DeleteVpcEndpoints", "vpc-endpoint/*")
                .at("/Condition/StringEquals/aws:ResourceTag~1linkport:team").asText()).isEqualTo("payments");
        assertThat(statementAllowing(consumer(), "ec2:ModifyVpcEndpoint", "vpc-endpoint/*")
                .at("/Condition/StringEquals/aws:ResourceTag~1linkport:team").asText()).isEqualTo("payments");
    }

    @Test
    void crossRegionAccessIsAllowedOnTheAccountsOwnServicesAndEndpoints() {
        assertThat(values(statementAllowing(provider(), "vpce:AllowMultiRegion", "").get("Resource")))
                .containsExactly("arn:aws:ec2:*:" + ACCOUNT + ":vpc-endpoint-service/*");
        assertThat(values(statementAllowing(consumer(), "vpce:AllowMultiRegion", "").get("Resource")))
                .containsExactly("arn:aws:ec2:*:" + ACCOUNT + ":vpc-endpoint/*");
    }

    @Test
    void resourceArnsNameThePartitionOfTheAccountsRegions() {
        JsonNode china = json.readTree(AccountPolicies.consumerPolicy(ACCOUNT, "payments", List.of("cn-north-1")));
        assertThat(values(statementAllowing(china, "ec2:DeleteVpcEndpoints", "").get("Resource")))
                .containsExactly("arn:aws-cn:ec2:*:" + ACCOUNT + ":vpc-endpoint/*");
    }

    private JsonNode provider() {
        return json.readTree(AccountPolicies.providerPolicy(ACCOUNT, "payments", US));
    }

    private JsonNode consumer() {
        return json.readTree(AccountPolicies.consumerPolicy(ACCOUNT, "payments", US));
    }

    private static List<String> actions(JsonNode policy) {
        List<String> actions = new ArrayList<>();
        policy.get("Statement").forEach(s -> actions.addAll(values(s.get("Action"))));
        return actions;
    }

    /**
     * The statement allowing the action on a resource whose ARN ends with {@code resourceSuffix}: the one with a
     * condition when there are several (a create also touches the account's VPC, subnets and security groups).
     */
    private static JsonNode statementAllowing(JsonNode policy, String action, String resourceSuffix) {
        List<JsonNode> candidates = StreamSupport.stream(policy.get("Statement").spliterator(), false)
                .filter(s -> values(s.get("Action")).contains(action))
                .filter(s -> values(s.get("Resource")).stream().anyMatch(r -> r.endsWith(resourceSuffix)))
                .toList();
        assertThat(candidates).as("statements allowing %s on *%s", action, resourceSuffix).isNotEmpty();
        return candidates.stream().filter(s -> s.has("Condition")).findFirst().orElse(candidates.getFirst());
    }

    private static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }
}
