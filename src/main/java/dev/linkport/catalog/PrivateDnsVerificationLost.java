package dev.linkport.catalog;

import java.util.UUID;

/**
 * Reconciliation saw AWS report a service's private DNS name, verified before, as no longer verified
 * ({@code pendingVerification} or {@code failed}). Published once per loss, in the transaction that recorded it;
 * kept in the event publication registry until every listener in another module has handled it.
 */
public record PrivateDnsVerificationLost(UUID listingId, String serviceName, UUID ownerTeamId, String privateDnsName,
                                         String state) {
}
