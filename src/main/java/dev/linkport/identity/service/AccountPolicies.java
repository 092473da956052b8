package dev.linkport.identity.service;

import java.util.List;

/**
 * The IAM policy documents a team attaches to the role Linkport assumes in its account: a trust
 * policy that lets only Linkport's principal in, and only with the account's ExternalId, and a
 * permission policy with exactly the EC2 and ELBv2 actions Linkport calls.
 */
public final class AccountPolicies {

    /** Actions Linkport calls as a provider (endpoint services, their permissions and connections). */
    public static final List<String> PROVIDER_ACTIONS = List.of(
            "ec2:CreateVpcEndpointServiceConfiguration",
            "ec2:DescribeVpcEndpointServiceConfigurations",
            "ec2:ModifyVpcEndpointServiceConfiguration",
            "ec2:DeleteVpcEndpointServiceConfigurations",
            "ec2:DescribeVpcEndpointServicePermissions",
            "ec2:ModifyVpcEndpointServicePermissions",
            "ec2:DescribeVpcEndpointConnections",
            "ec2:AcceptVpcEndpointConnections",
            "ec2:RejectVpcEndpointConnections",
            "ec2:StartVpcEndpointServicePrivateDnsVerification",
            "elasticloadbalancing:DescribeLoadBalancers");

    /** Actions Linkport calls as a consumer (interface endpoints and what they go into). */
    public static final List<String> CONSUMER_ACTIONS = List.of(
            "ec2:DescribeAvailabilityZones",
            "ec2:DescribeVpcs",
            "ec2:DescribeSubnets",
            "ec2:DescribeSecurityGroups",
            "ec2:DescribeVpcEndpointServices",
            "ec2:CreateVpcEndpoint",
            "ec2:DescribeVpcEndpoints",
            "ec2:DeleteVpcEndpoints");

    private AccountPolicies() {
    }

    /** The role's trust policy: Linkport's principal may assume it with this ExternalId only. */
    public static String trustPolicy(String linkportPrincipalArn, String externalId) {
        return """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "LinkportAssumesThisRole",
                      "Effect": "Allow",
                      "Principal": { "AWS": "%s" },
                      "Action": "sts:AssumeRole",
                      "Condition": { "StringEquals": { "sts:ExternalId": "%s" } }
                    }
                  ]
                }
                """.formatted(json(linkportPrincipalArn), json(externalId));
    }

    /** The role's permission policy: exactly the actions Linkport calls, nothing else. */
    public static String permissionPolicy() {
        return """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "LinkportProvider",
                      "Effect": "Allow",
                      "Action": [
                %s
                      ],
                      "Resource": "*"
                    },
                    {
                      "Sid": "LinkportConsumer",
                      "Effect": "Allow",
                      "Action": [
                %s
                      ],
                      "Resource": "*"
                    }
                  ]
                }
                """.formatted(actionList(PROVIDER_ACTIONS), actionList(CONSUMER_ACTIONS));
    }

    private static String actionList(List<String> actions) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < actions.size(); i++) {
            sb.append("          \"").append(actions.get(i)).append('"');
            if (i < actions.size() - 1) {
                sb.append(",\n");
            }
        }
        return sb.toString();
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
