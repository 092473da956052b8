package dev.linkport.consumer.service;

import java.util.Set;
import java.util.UUID;

/**
 * Where a live request's endpoint sits in the consumer's network, for the provider's side to work out which
 * endpoints a change of the service's zones touches.
 *
 * @param consumerAccount Linkport's id of the consumer account
 * @param region          the consumer's region (another than the service's for a cross-region endpoint)
 */
public record EndpointPlacement(RequestRef request, UUID consumerAccount, String region, String vpcId,
                                Set<String> subnetIds) {

    public EndpointPlacement {
        subnetIds = Set.copyOf(subnetIds);
    }
}
