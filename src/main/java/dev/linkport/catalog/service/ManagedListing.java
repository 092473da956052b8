package dev.linkport.catalog.service;

import dev.linkport.aws.AwsTarget;
import dev.linkport.identity.service.Caller;

/**
 * A listing the caller manages (they are in the owning team, or a platform admin).
 *
 * @param provider where its endpoint service lives, acting for the caller; {@code null} until it is published
 */
public record ManagedListing(ListingRef listing, Caller caller, AwsTarget provider) {

    /** Whether AWS holds an endpoint service for the listing. */
    public boolean inAws() {
        return listing.awsServiceId() != null;
    }

    /**
     * Whether the caller is an owner of the listing's team or a platform admin: what weakening the service
     * (allowing {@code *}, lowering its approval policy) needs, where a plain member may change the rest.
     */
    public boolean byOwnerOrAdmin() {
        return caller.admin() || caller.isOwnerOf(listing.ownerTeamId());
    }
}
