package dev.linkport.aws;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A VPC endpoint service configuration as its provider sees it.
 *
 * @param serviceId               {@code vpce-svc-...}
 * @param serviceName             {@code com.amazonaws.vpce.<region>.vpce-svc-...}
 * @param state                   AWS's state string: {@code Pending}, {@code Available}, {@code Deleting},
 *                                {@code Deleted}, {@code Failed}
 * @param availabilityZones       the zones the service is offered in (names from the provider account, with
 *                                IDs where resolvable)
 * @param privateDns              the private DNS configuration, or {@code null} without a private DNS name
 * @param supportedRegions        regions consumers may connect from
 * @param networkLoadBalancerArns the NLBs fronting the service
 * @param tags                    the tags AWS holds on the service, key to value
 */
public record EndpointService(String serviceId, String serviceName, String state,
        List<AvailabilityZone> availabilityZones, boolean acceptanceRequired, PrivateDnsConfiguration privateDns,
        List<String> supportedRegions, Set<IpAddressType> supportedIpAddressTypes,
        List<String> networkLoadBalancerArns, Map<String, String> tags) {

    public EndpointService {
        availabilityZones = List.copyOf(availabilityZones);
        supportedRegions = List.copyOf(supportedRegions);
        supportedIpAddressTypes = Set.copyOf(supportedIpAddressTypes);
        networkLoadBalancerArns = List.copyOf(networkLoadBalancerArns);
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    public Optional<PrivateDnsConfiguration> privateDnsConfiguration() {
        return Optional.ofNullable(privateDns);
    }
}
