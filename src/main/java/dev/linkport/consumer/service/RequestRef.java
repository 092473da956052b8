package dev.linkport.consumer.service;

import dev.linkport.consumer.EndpointState;
import java.util.UUID;

/**
 * An endpoint request as the provider's side sees it: whose endpoint it is and how far it got.
 *
 * @param vpcEndpointId the endpoint in AWS, or {@code null} before it is created
 * @param accountId     the 12-digit consumer account
 */
public record RequestRef(UUID id, UUID listingId, String vpcEndpointId, String accountId, String consumerTeam,
                         EndpointState state) {
}
