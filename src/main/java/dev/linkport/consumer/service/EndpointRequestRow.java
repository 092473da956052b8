package dev.linkport.consumer.service;

import dev.linkport.consumer.EndpointState;
import dev.linkport.platform.CostEstimate;
import java.time.Instant;
import java.util.UUID;

/**
 * An endpoint request as a list shows it: what, where, who and how far, without its timeline or its
 * subnets (their number only). The details of one request ({@link EndpointRequestDetails}) are
 * loaded when it is selected.
 *
 * @param accountId the 12-digit consumer account
 * @param expectedGbPerMonth the traffic the requester expects, GB per month, or {@code null}
 * @param estimate  the monthly cost estimate ({@link EndpointRequestDetails#estimate()}), or {@code null}
 */
public record EndpointRequestRow(UUID id, UUID serviceId, String serviceName, String accountId, String consumerTeam,
                                 String region, String vpcId, int subnetCount, String vpcEndpointId,
                                 EndpointState state, String requester, String justification, Instant createdAt,
                                 Instant updatedAt, Integer expectedGbPerMonth, CostEstimate estimate) {

    /** A row without expected traffic or estimate. */
    public EndpointRequestRow(UUID id, UUID serviceId, String serviceName, String accountId, String consumerTeam,
                              String region, String vpcId, int subnetCount, String vpcEndpointId, EndpointState state,
                              String requester, String justification, Instant createdAt, Instant updatedAt) {
        this(id, serviceId, serviceName, accountId, consumerTeam, region, vpcId, subnetCount, vpcEndpointId, state,
                requester, justification, createdAt, updatedAt, null, null);
    }
}
