package dev.linkport.aws;

/**
 * A cheap read that shows whether the role Linkport assumes may call one IAM action: the first page of a
 * describe, with as few results as the API allows. {@link PrivateLinkGateway#probe} runs it; a denied action
 * comes back as an {@link AwsGatewayException} whose {@link AwsGatewayException#accessDenied()} is true.
 */
public enum AccessProbe {
    /** Endpoint service configurations (provider side). */
    DESCRIBE_ENDPOINT_SERVICES("ec2:DescribeVpcEndpointServiceConfigurations"),
    /** Load balancers behind endpoint services (provider side). */
    DESCRIBE_LOAD_BALANCERS("elasticloadbalancing:DescribeLoadBalancers"),
    /** Interface endpoints (consumer side). */
    DESCRIBE_ENDPOINTS("ec2:DescribeVpcEndpoints"),
    /** VPCs an endpoint goes into (consumer side). */
    DESCRIBE_VPCS("ec2:DescribeVpcs");

    private final String iamAction;

    AccessProbe(String iamAction) {
        this.iamAction = iamAction;
    }

    /** The IAM action the read needs, as a policy names it ({@code ec2:DescribeVpcs}). */
    public String iamAction() {
        return iamAction;
    }

    /** The API action's name ({@code DescribeVpcs}). */
    public String action() {
        return iamAction.substring(iamAction.indexOf(':') + 1);
    }
}
