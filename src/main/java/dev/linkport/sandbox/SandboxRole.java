package dev.linkport.sandbox;

import java.util.List;

/**
 * How a sandbox account's role {@code LinkportAccess} lets Linkport in, as tests and people trying the demo set
 * it through {@link SandboxControl#configureRole} or {@code POST /_sandbox/accounts/{id}/role}.
 *
 * @param roleArn       the role's ARN
 * @param externalId    the ExternalId its trust policy requires; AssumeRole with another one, or none, is
 *                      refused with {@code AccessDenied}
 * @param deniedActions IAM actions its permission policy does not allow ({@code ec2:DescribeVpcEndpoints},
 *                      {@code elasticloadbalancing:DescribeLoadBalancers}); every other action is allowed
 */
public record SandboxRole(String roleArn, String externalId, List<String> deniedActions) {

    public SandboxRole {
        deniedActions = List.copyOf(deniedActions);
    }
}
