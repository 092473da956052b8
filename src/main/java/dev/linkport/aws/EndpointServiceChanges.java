package dev.linkport.aws;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Changes to an endpoint service configuration (ModifyVpcEndpointServiceConfiguration). Start from
 * {@link #none()} and add what should change; everything else stays as it is.
 *
 * @param acceptanceRequired    new acceptance setting, {@code null} to keep it
 * @param privateDnsName        new private DNS name, {@code null} to keep it
 * @param removePrivateDnsName  remove the private DNS name
 */
public record EndpointServiceChanges(Boolean acceptanceRequired, String privateDnsName, boolean removePrivateDnsName,
        Set<String> addSupportedRegions, Set<String> removeSupportedRegions,
        Set<IpAddressType> addSupportedIpAddressTypes, Set<IpAddressType> removeSupportedIpAddressTypes,
        Set<String> addNetworkLoadBalancerArns, Set<String> removeNetworkLoadBalancerArns) {

    public EndpointServiceChanges {
        addSupportedRegions = Set.copyOf(addSupportedRegions);
        removeSupportedRegions = Set.copyOf(removeSupportedRegions);
        addSupportedIpAddressTypes = Set.copyOf(addSupportedIpAddressTypes);
        removeSupportedIpAddressTypes = Set.copyOf(removeSupportedIpAddressTypes);
        addNetworkLoadBalancerArns = Set.copyOf(addNetworkLoadBalancerArns);
        removeNetworkLoadBalancerArns = Set.copyOf(removeNetworkLoadBalancerArns);
        if (privateDnsName != null && removePrivateDnsName) {
            throw new IllegalArgumentException("Cannot both set and remove the private DNS name");
        }
    }

    /** No change at all. */
    public static EndpointServiceChanges none() {
        return new EndpointServiceChanges(null, null, false, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
                Set.of());
    }

    public EndpointServiceChanges withAcceptanceRequired(boolean required) {
        return new EndpointServiceChanges(required, privateDnsName, removePrivateDnsName, addSupportedRegions,
                removeSupportedRegions, addSupportedIpAddressTypes, removeSupportedIpAddressTypes,
                addNetworkLoadBalancerArns, removeNetworkLoadBalancerArns);
    }

    public EndpointServiceChanges withPrivateDnsName(String name) {
        return new EndpointServiceChanges(acceptanceRequired, name, false, addSupportedRegions,
                removeSupportedRegions, addSupportedIpAddressTypes, removeSupportedIpAddressTypes,
                addNetworkLoadBalancerArns, removeNetworkLoadBalancerArns);
    }

    public EndpointServiceChanges withoutPrivateDnsName() {
        return new EndpointServiceChanges(acceptanceRequired, null, true, addSupportedRegions,
                removeSupportedRegions, addSupportedIpAddressTypes, removeSupportedIpAddressTypes,
                addNetworkLoadBalancerArns, removeNetworkLoadBalancerArns);
    }

    public EndpointServiceChanges addingSupportedRegions(String... regions) {
        return new EndpointServiceChanges(acceptanceRequired, privateDnsName, removePrivateDnsName,
                plus(addSupportedRegions, regions), removeSupportedRegions, addSupportedIpAddressTypes,
                removeSupportedIpAddressTypes, addNetworkLoadBalancerArns, removeNetworkLoadBalancerArns);
    }

    public EndpointServiceChanges removingSupportedRegions(String... regions) {
        return new EndpointServiceChanges(acceptanceRequired, privateDnsName, removePrivateDnsName,
                addSupportedRegions, plus(removeSupportedRegions, regions), addSupportedIpAddressTypes,
                removeSupportedIpAddressTypes, addNetworkLoadBalancerArns, removeNetworkLoadBalancerArns);
    }

    public EndpointServiceChanges addingIpAddressTypes(IpAddressType... types) {
        return new EndpointServiceChanges(acceptanceRequired, privateDnsName, removePrivateDnsName,
                addSupportedRegions, removeSupportedRegions, plus(addSupportedIpAddressTypes, types),
                removeSupportedIpAddressTypes, addNetworkLoadBalancerArns, removeNetworkLoadBalancerArns);
    }

    public EndpointServiceChanges removingIpAddressTypes(IpAddressType... types) {
        return new EndpointServiceChanges(acceptanceRequired, privateDnsName, removePrivateDnsName,
                addSupportedRegions, removeSupportedRegions, addSupportedIpAddressTypes,
                plus(removeSupportedIpAddressTypes, types), addNetworkLoadBalancerArns,
                removeNetworkLoadBalancerArns);
    }

    public EndpointServiceChanges addingNetworkLoadBalancers(String... arns) {
        return new EndpointServiceChanges(acceptanceRequired, privateDnsName, removePrivateDnsName,
                addSupportedRegions, removeSupportedRegions, addSupportedIpAddressTypes,
                removeSupportedIpAddressTypes, plus(addNetworkLoadBalancerArns, arns),
                removeNetworkLoadBalancerArns);
    }

    public EndpointServiceChanges removingNetworkLoadBalancers(String... arns) {
        return new EndpointServiceChanges(acceptanceRequired, privateDnsName, removePrivateDnsName,
                addSupportedRegions, removeSupportedRegions, addSupportedIpAddressTypes,
                removeSupportedIpAddressTypes, addNetworkLoadBalancerArns,
                plus(removeNetworkLoadBalancerArns, arns));
    }

    /** Whether anything would change. */
    public boolean isEmpty() {
        return acceptanceRequired == null && privateDnsName == null && !removePrivateDnsName
                && addSupportedRegions.isEmpty() && removeSupportedRegions.isEmpty()
                && addSupportedIpAddressTypes.isEmpty() && removeSupportedIpAddressTypes.isEmpty()
                && addNetworkLoadBalancerArns.isEmpty() && removeNetworkLoadBalancerArns.isEmpty();
    }

    @SafeVarargs
    private static <T> Set<T> plus(Set<T> set, T... more) {
        Set<T> result = new LinkedHashSet<>(set);
        result.addAll(Arrays.asList(more));
        return result;
    }
}
