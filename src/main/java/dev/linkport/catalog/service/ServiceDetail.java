package dev.linkport.catalog.service;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A service as its page shows it (DESIGN.md §3), to consumers and providers.
 *
 * @param canManage     the caller owns it (or is an admin): may retry, edit, retire
 * @param canRequest    the caller may request an endpoint to it
 * @param consumerCount endpoints that are live or on their way
 */
public record ServiceDetail(UUID id, String name, String summary, String description, Set<String> tags,
                            String documentationUrl, String supportContact, String ports, String ownerTeam,
                            UUID ownerTeamId, String providerAccountId, String region, Set<String> supportedRegions,
                            List<String> loadBalancerArns, boolean acceptanceRequired, String approvalPolicy,
                            String visibility, String privateDnsName, String privateDnsState, String privateDnsTxtName,
                            String privateDnsTxtValue, String state, String serviceId, String serviceName,
                            Set<String> availabilityZoneIds, String failureReason, long consumerCount,
                            boolean canManage, boolean canRequest, Instant createdAt, Instant updatedAt, long version) {
}
