package dev.linkport.platform.events;

import java.util.UUID;

/**
 * Reconciliation saw, for the first time, a connection to a service that no Linkport request
 * made. Published inside the transaction that recorded it.
 */
public record ConnectionObserved(UUID listingId, String vpcEndpointId, String ownerAccountId, String state) {
}
