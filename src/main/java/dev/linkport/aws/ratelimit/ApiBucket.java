package dev.linkport.aws.ratelimit;

/**
 * EC2's API throttling buckets for the actions Linkport calls, with AWS's published burst and refill rates
 * (per account and region). {@link RateLimiter} keeps Linkport within a share of them (all of it by default),
 * and slows down when AWS throttles, because the account's other users share the same buckets.
 */
public enum ApiBucket {
    /** CreateVpcEndpoint, ModifyVpcEndpoint, DeleteVpcEndpoints. */
    VPC_ENDPOINTS(4, 0.3),
    /** Create/Modify/DeleteVpcEndpointServiceConfiguration(s). */
    ENDPOINT_SERVICE_CONFIGURATIONS(10, 1),
    /** Accept/RejectVpcEndpointConnections. */
    ENDPOINT_CONNECTIONS(10, 1),
    /** Other mutating actions (ModifyVpcEndpointServicePermissions, StartVpcEndpointServicePrivateDnsVerification). */
    OTHER_MUTATING(50, 5),
    /** Describe* (Linkport also counts ELBv2's DescribeLoadBalancers here). */
    DESCRIBE(100, 20);

    private final int awsBurst;
    private final double awsRefillPerSecond;

    ApiBucket(int awsBurst, double awsRefillPerSecond) {
        this.awsBurst = awsBurst;
        this.awsRefillPerSecond = awsRefillPerSecond;
    }

    /** AWS's bucket size: how many calls may come at once. */
    public int awsBurst() {
        return awsBurst;
    }

    /** AWS's refill rate: tokens per second. */
    public double awsRefillPerSecond() {
        return awsRefillPerSecond;
    }
}
