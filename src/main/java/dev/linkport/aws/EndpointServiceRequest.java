package dev.linkport.aws;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What to create with CreateVpcEndpointServiceConfiguration.
 *
 * @param networkLoadBalancerArns the NLBs fronting the service (at least one)
 * @param acceptanceRequired      whether the provider must accept each endpoint connection
 * @param privateDnsName          optional private DNS name ({@code null} for none)
 * @param supportedRegions        regions consumers may connect from (cross-region PrivateLink); empty means
 *                                only the service's own region
 * @param supportedIpAddressTypes empty means AWS's default (IPv4)
 * @param clientToken             idempotency token: the same token creates the service only once
 * @param tags                    tags the service is created with (TagSpecifications), in order; see
 *                                {@link ResourceTags}
 */
public record EndpointServiceRequest(List<String> networkLoadBalancerArns, boolean acceptanceRequired,
        String privateDnsName, Set<String> supportedRegions, Set<IpAddressType> supportedIpAddressTypes,
        String clientToken, Map<String, String> tags) {

    /** A request without tags. */
    public EndpointServiceRequest(List<String> networkLoadBalancerArns, boolean acceptanceRequired,
            String privateDnsName, Set<String> supportedRegions, Set<IpAddressType> supportedIpAddressTypes,
            String clientToken) {
        this(networkLoadBalancerArns, acceptanceRequired, privateDnsName, supportedRegions, supportedIpAddressTypes,
                clientToken, Map.of());
    }

    public EndpointServiceRequest {
        networkLoadBalancerArns = List.copyOf(networkLoadBalancerArns);
        if (networkLoadBalancerArns.isEmpty()) {
            throw new IllegalArgumentException("An endpoint service needs at least one network load balancer");
        }
        supportedRegions = supportedRegions == null ? Set.of() : Set.copyOf(supportedRegions);
        supportedIpAddressTypes = supportedIpAddressTypes == null ? Set.of() : Set.copyOf(supportedIpAddressTypes);
        Objects.requireNonNull(clientToken, "clientToken");
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        if (privateDnsName != null && privateDnsName.isBlank()) {
            privateDnsName = null;
        }
    }
}
