package dev.linkport.provider;

import java.util.UUID;

/**
 * Reconciliation saw, for the first time, a connection to a service that no Linkport request
 * made. Published in the transaction that recorded it; kept in the event publication registry
 * until every listener in another module has handled it.
 */
public record ConnectionObserved(UUID listingId, String serviceName, UUID ownerTeamId, String vpcEndpointId,
                                 String ownerAccountId, String state) {
}
