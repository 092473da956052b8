package dev.linkport.consumer.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A change of an endpoint waiting for approval, as the approval dashboard shows it: which endpoint, who asked, and
 * what it changes (before → after; "after" equals "before" for what the change keeps).
 *
 * @param requestedById who asked for it (nobody decides their own change)
 * @param accountId     the 12-digit consumer account
 */
public record ChangeAwaitingDecision(UUID id, UUID requestId, UUID serviceId, String serviceName, String consumerTeam,
                                     String accountId, String region, String vpcId, String vpcEndpointId,
                                     UUID requestedById, String requestedBy, Instant createdAt, String summary,
                                     List<String> subnetsBefore, List<String> subnetsAfter,
                                     List<String> securityGroupsBefore, List<String> securityGroupsAfter,
                                     boolean privateDnsBefore, boolean privateDnsAfter) {
}
