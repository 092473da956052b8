package dev.linkport.consumer.service;

import dev.linkport.consumer.EndpointState;
import dev.linkport.platform.CostEstimate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An endpoint request as the consumer, the provider and approvers see it.
 *
 * @param dnsRegional the regional DNS name, once available
 * @param dnsZonal    one DNS name per zone, once available
 * @param canDelete   the caller may delete (or cancel) it
 * @param canRetry    the caller may retry it (admins, when it failed)
 * @param principalRoleArn  the role the consumer named for a service that allows roles, or {@code null}
 * @param allowedPrincipal  the principal the service allows for this request in AWS, once provisioning began
 * @param awsTags     the tags AWS holds on the endpoint, as Linkport last read them (empty before)
 * @param expectedGbPerMonth the traffic the requester expects, GB per month, or {@code null}
 * @param estimate    the monthly cost estimate at the consumer region's prices (with inter-region transfer for a
 *                    service in another region), or {@code null} where unknown
 */
public record EndpointRequestDetails(UUID id, UUID serviceId, String serviceName, String awsServiceName,
                                     String ownerTeam, String accountId, String consumerTeam, String region,
                                     String vpcId, List<String> subnetIds, List<String> securityGroupIds,
                                     boolean privateDnsEnabled, String justification, String requester,
                                     EndpointState state, String vpcEndpointId, String dnsRegional,
                                     List<String> dnsZonal, String failureReason, String decidedBy,
                                     String decisionReason, Instant createdAt, Instant updatedAt,
                                     List<TimelineEntry> timeline, boolean canDelete, boolean canRetry, long version,
                                     String principalRoleArn, String allowedPrincipal,
                                     Map<String, String> awsTags, Integer expectedGbPerMonth,
                                     CostEstimate estimate) {

    /** Details without expected traffic or estimate. */
    public EndpointRequestDetails(UUID id, UUID serviceId, String serviceName, String awsServiceName,
                                  String ownerTeam, String accountId, String consumerTeam, String region,
                                  String vpcId, List<String> subnetIds, List<String> securityGroupIds,
                                  boolean privateDnsEnabled, String justification, String requester,
                                  EndpointState state, String vpcEndpointId, String dnsRegional,
                                  List<String> dnsZonal, String failureReason, String decidedBy,
                                  String decisionReason, Instant createdAt, Instant updatedAt,
                                  List<TimelineEntry> timeline, boolean canDelete, boolean canRetry, long version,
                                  String principalRoleArn, String allowedPrincipal, Map<String, String> awsTags) {
        this(id, serviceId, serviceName, awsServiceName, ownerTeam, accountId, consumerTeam, region, vpcId, subnetIds,
                securityGroupIds, privateDnsEnabled, justification, requester, state, vpcEndpointId, dnsRegional,
                dnsZonal, failureReason, decidedBy, decisionReason, createdAt, updatedAt, timeline, canDelete,
                canRetry, version, principalRoleArn, allowedPrincipal, awsTags, null, null);
    }

    /** One step of the request's life; {@code from} is {@code null} for the submission. */
    public record TimelineEntry(Instant at, EndpointState from, EndpointState to, String actor, String reason) {
    }
}
