package dev.linkport.aws;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Changes to an interface endpoint (ModifyVpcEndpoint): subnets and security groups to add and remove, and the
 * private DNS setting to switch to ({@code null}: keep it). {@link #toReach} computes them from what AWS holds and
 * what is wanted, so a job that describes first and changes only what differs is idempotent.
 */
public record InterfaceEndpointChanges(Set<String> addSubnetIds, Set<String> removeSubnetIds,
        Set<String> addSecurityGroupIds, Set<String> removeSecurityGroupIds, Boolean privateDnsEnabled) {

    public InterfaceEndpointChanges {
        addSubnetIds = Set.copyOf(addSubnetIds);
        removeSubnetIds = Set.copyOf(removeSubnetIds);
        addSecurityGroupIds = Set.copyOf(addSecurityGroupIds);
        removeSecurityGroupIds = Set.copyOf(removeSecurityGroupIds);
    }

    /**
     * What to change so that {@code actual} gets exactly the wanted subnets, security groups and private DNS
     * setting; a {@code null} wish keeps what AWS holds.
     */
    public static InterfaceEndpointChanges toReach(InterfaceEndpoint actual, Collection<String> subnetIds,
            Collection<String> securityGroupIds, Boolean privateDnsEnabled) {
        List<String> subnets = subnetIds == null ? actual.subnetIds() : List.copyOf(subnetIds);
        List<String> groups = securityGroupIds == null ? actual.securityGroupIds() : List.copyOf(securityGroupIds);
        return new InterfaceEndpointChanges(minus(subnets, actual.subnetIds()), minus(actual.subnetIds(), subnets),
                minus(groups, actual.securityGroupIds()), minus(actual.securityGroupIds(), groups),
                privateDnsEnabled == null || privateDnsEnabled == actual.privateDnsEnabled() ? null
                        : privateDnsEnabled);
    }

    /** Whether nothing would change. */
    public boolean isEmpty() {
        return addSubnetIds.isEmpty() && removeSubnetIds.isEmpty() && addSecurityGroupIds.isEmpty()
                && removeSecurityGroupIds.isEmpty() && privateDnsEnabled == null;
    }

    private static Set<String> minus(Collection<String> from, Collection<String> taken) {
        Set<String> rest = new LinkedHashSet<>(from);
        rest.removeAll(taken);
        return rest;
    }
}
