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
 * @param ipAddressType     {@code ipv4}, {@code dualstack} or {@code dualstack-without-public-ipv4}; {@code null}
 *                          read as {@code ipv4}
 */
public record NetworkLoadBalancer(String arn, String name, String type, String scheme, String state,
        List<AvailabilityZone> availabilityZones, String ipAddressType) {

    public NetworkLoadBalancer {
        availabilityZones = List.copyOf(availabilityZones);
        ipAddressType = ipAddressType == null ? "ipv4" : ipAddressType;
    }

    /** An IPv4 load balancer. */
    public NetworkLoadBalancer(String arn, String name, String type, String scheme, String state,
            List<AvailabilityZone> availabilityZones) {
        this(arn, name, type, scheme, state, availabilityZones, null);
    }

    /** Whether it takes IPv6 traffic: AWS lets an endpoint service support IPv6 only when all its NLBs do. */
    public boolean dualStack() {
        return ipAddressType.startsWith("dualstack");
    }

    public boolean isNetwork() {
        return "network".equals(type);
    }
}
