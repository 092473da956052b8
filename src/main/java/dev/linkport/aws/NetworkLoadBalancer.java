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
 */
public record NetworkLoadBalancer(String arn, String name, String type, String scheme, String state,
        List<AvailabilityZone> availabilityZones) {

    public NetworkLoadBalancer {
        availabilityZones = List.copyOf(availabilityZones);
    }

    public boolean isNetwork() {
        return "network".equals(type);
    }
}
