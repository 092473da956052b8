package dev.linkport.consumer.service;

import dev.linkport.consumer.EndpointState;
import java.time.Instant;
import java.util.UUID;

/**
 * An endpoint request as a list shows it: what, where, who and how far, without its timeline or its
 * subnets (their number only). The details of one request ({@link EndpointRequestDetails}) are
 * loaded when it is selected.
 *
 * @param accountId the 12-digit consumer account
 */
public record EndpointRequestRow(UUID id, UUID serviceId, String serviceName, String accountId, String consumerTeam,
                                 String region, String vpcId, int subnetCount, String vpcEndpointId,
                                 EndpointState state, String requester, String justification, Instant createdAt,
                                 Instant updatedAt) {
}
