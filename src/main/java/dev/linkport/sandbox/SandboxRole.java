package dev.linkport.sandbox;

import java.util.List;
import java.util.Objects;

/**
 * How a sandbox account's role {@code LinkportAccess} lets Linkport in, as tests and people trying the demo set
 * it through {@link SandboxControl#configureRole} or {@code POST /_sandbox/accounts/{id}/role}.
 *
 * @param roleArn       the role's ARN
 * @param externalId    the ExternalId its trust policy requires; AssumeRole with another one, or none, is
 *                      refused with {@code AccessDenied}
 * @param deniedActions IAM actions its permission policy does not allow ({@code ec2:DescribeVpcEndpoints},
 *                      {@code elasticloadbalancing:DescribeLoadBalancers}); every other action is allowed
 * @param policies      Linkport's generated policies attached to the role ({@code PROVIDER}, {@code CONSUMER}); when
 *                      any is attached, the role allows only what they allow, under their tag conditions, for the
 *                      team {@code policyTeam}; none attached allows every action but the denied ones
 * @param policyTeam    the team name the attached policies are generated for, or {@code null} without policies
 */
public record SandboxRole(String roleArn, String externalId, List<String> deniedActions, List<String> policies,
        String policyTeam) {

    public SandboxRole {
        deniedActions = List.copyOf(deniedActions);
        policies = List.copyOf(policies);
        if (!policies.isEmpty()) {
            Objects.requireNonNull(policyTeam, "policyTeam");
        }
    }

    /** A role without Linkport's generated policies attached. */
    public SandboxRole(String roleArn, String externalId, List<String> deniedActions) {
        this(roleArn, externalId, deniedActions, List.of(), null);
    }
}
