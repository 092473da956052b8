package dev.linkport.consumer.service;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the "Change endpoint" form needs: where the endpoint is, what it has now, and what the service allows.
 *
 * @param zoneIds            the zone IDs subnets may be in; empty when any of the region's zones may be used
 *                           (an endpoint to a service in another region)
 * @param privateDnsVerified whether private DNS can be switched on
 * @param canChange          whether the caller may change the endpoint now
 * @param whyNot             why not, when {@code canChange} is false
 */
public record ChangeOptions(UUID requestId, String accountId, String region, String vpcId, List<String> subnetIds,
                            List<String> securityGroupIds, boolean privateDnsEnabled, Set<String> zoneIds,
                            boolean privateDnsVerified, boolean canChange, String whyNot) {
}
