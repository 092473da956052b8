package dev.linkport.provider.service;

import dev.linkport.consumer.EndpointState;
import java.time.Instant;
import java.util.UUID;

/**
 * One AWS endpoint connection of a service, as the provider console shows it.
 *
 * @param state        AWS's state string ({@code pendingAcceptance}, {@code available}, ...), or
 *                     {@code deleted} for a connection Linkport saw before that AWS no longer reports
 * @param ownerTeam    the Linkport team owning the endpoint's account, or null when the account is unknown
 * @param requestId    the Linkport request that created the endpoint, or null (made outside Linkport)
 * @param requestState that request's state
 */
public record ConnectionRow(String vpcEndpointId, String ownerAccountId, String ownerTeam, String state,
                            Instant createdAt, UUID requestId, EndpointState requestState, Instant firstSeenAt,
                            Instant lastSeenAt) {

    public boolean pendingAcceptance() {
        return "pendingAcceptance".equals(state);
    }

    public boolean outsideLinkport() {
        return requestId == null;
    }
}
