package dev.linkport.aws;

import java.util.List;

/**
 * An Elastic Load Balancing v2 load balancer, as a provider picks one to front an endpoint service.
 *
 * @param type              {@code network}, {@code application} or {@code gateway}; endpoint services need
 *                          {@code network}
 * @param scheme            {@code internal} or {@code internet-facing}
 * @param state             {@code active}, {@code provisioning}, {@code active_impaired} or {@code failed}
 * @param availabilityZones the zones it is enabled in, with their zone IDs
 * @param targetGroups      its target groups with their targets; {@code null} when not read (only the listing of an
 *                          account's load balancers reads them) or when the role may not read them
 * @param ipAddressType     {@code ipv4}, {@code dualstack} or {@code dualstack-without-public-ipv4}; {@code null}
 *                          read as {@code ipv4}
 */
public record NetworkLoadBalancer(String arn, String name, String type, String scheme, String state,
        List<AvailabilityZone> availabilityZones, List<LoadBalancerTargetGroup> targetGroups, String ipAddressType) {

    public NetworkLoadBalancer {
        availabilityZones = List.copyOf(availabilityZones);
        targetGroups = targetGroups == null ? null : List.copyOf(targetGroups);
        ipAddressType = ipAddressType == null ? "ipv4" : ipAddressType;
    }

    /** A load balancer whose target groups were not read. */
    public NetworkLoadBalancer(String arn, String name, String type, String scheme, String state,
            List<AvailabilityZone> availabilityZones, String ipAddressType) {
        this(arn, name, type, scheme, state, availabilityZones, null, ipAddressType);
    }

    /** An IPv4 load balancer, with its target groups. */
    public NetworkLoadBalancer(String arn, String name, String type, String scheme, String state,
            List<AvailabilityZone> availabilityZones, List<LoadBalancerTargetGroup> targetGroups) {
        this(arn, name, type, scheme, state, availabilityZones, targetGroups, null);
    }

    /** An IPv4 load balancer whose target groups were not read. */
    public NetworkLoadBalancer(String arn, String name, String type, String scheme, String state,
            List<AvailabilityZone> availabilityZones) {
        this(arn, name, type, scheme, state, availabilityZones, null, null);
    }

    /** The same load balancer with its target groups. */
    public NetworkLoadBalancer withTargetGroups(List<LoadBalancerTargetGroup> groups) {
        return new NetworkLoadBalancer(arn, name, type, scheme, state, availabilityZones, groups, ipAddressType);
    }

    /** The target types of its target groups ({@code instance}, {@code ip}, {@code alb}), sorted; empty if unknown. */
    public List<String> targetTypes() {
        return targetGroups == null ? List.of()
                : targetGroups.stream().map(LoadBalancerTargetGroup::targetType).distinct().sorted().toList();
    }

    /**
     * Whether it sends traffic to IP addresses outside its VPC, registered in zone {@code all}: an application on
     * premises reached over Direct Connect or VPN (or in a peered VPC).
     */
    public boolean reachesOutsideVpc() {
        return targetGroups != null && targetGroups.stream().anyMatch(LoadBalancerTargetGroup::reachesOutsideVpc);
    }

    /** Whether it takes IPv6 traffic: AWS lets an endpoint service support IPv6 only when all its NLBs do. */
    public boolean dualStack() {
        return ipAddressType.startsWith("dualstack");
    }

    public boolean isNetwork() {
        return "network".equals(type);
    }
}
