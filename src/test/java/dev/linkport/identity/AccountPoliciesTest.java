package dev.linkport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.identity.service.AccountPolicies;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class AccountPoliciesTest {

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
    void thePermissionPolicyListsExactlyTheActionsLinkportCalls() {
        JsonNode policy = json.readTree(AccountPolicies.permissionPolicy());
        List<String> actions = new ArrayList<>();
        policy.get("Statement").forEach(s -> s.get("Action").forEach(a -> actions.add(a.asText())));
        assertThat(actions).containsExactlyInAnyOrder(
                "ec2:CreateVpcEndpointServiceConfiguration", "ec2:DescribeVpcEndpointServiceConfigurations",
                "ec2:ModifyVpcEndpointServiceConfiguration", "ec2:DeleteVpcEndpointServiceConfigurations",
                "ec2:DescribeVpcEndpointServicePermissions", "ec2:ModifyVpcEndpointServicePermissions",
                "ec2:DescribeVpcEndpointConnections", "ec2:AcceptVpcEndpointConnections",
                "ec2:RejectVpcEndpointConnections", "ec2:StartVpcEndpointServicePrivateDnsVerification",
                "elasticloadbalancing:DescribeLoadBalancers", "ec2:DescribeAvailabilityZones", "ec2:DescribeVpcs",
                "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeVpcEndpointServices",
                "ec2:CreateVpcEndpoint", "ec2:DescribeVpcEndpoints", "ec2:DeleteVpcEndpoints");
        assertThat(actions).noneMatch(a -> a.contains("*"));
    }
}
