package dev.linkport.provider.service;

import dev.linkport.catalog.domain.ListingState;
import dev.linkport.catalog.domain.ServiceListing;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.catalog.domain.Visibility;
import dev.linkport.identity.service.AccessPolicy;
import dev.linkport.identity.service.Caller;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.NotFoundException;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provider console's authorization: a service's owners (members of the team that owns it)
 * and platform admins manage it. Others who may see the service are refused (403); those who
 * may not even see it are told it does not exist (404).
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class ServiceOwnership {

    private final ServiceListingRepository listings;
    private final AccessPolicy access;

    ServiceOwnership(ServiceListingRepository listings, AccessPolicy access) {
        this.listings = listings;
        this.access = access;
    }

    record Managed(ServiceListing listing, Caller caller) {
    }

    Managed require(UUID listingId, String what) {
        Caller caller = access.caller();
        ServiceListing listing = listings.findById(listingId)
                .orElseThrow(() -> new NotFoundException("No such service, or you may not see it"));
        if (caller.admin() || caller.isMemberOf(listing.getOwnerTeam().getId())) {
            return new Managed(listing, caller);
        }
        boolean visible = listing.getState() == ListingState.AVAILABLE
                && (listing.getVisibility() == Visibility.ALL_TEAMS
                || listing.getVisibleTeamIds().stream().anyMatch(caller::isMemberOf));
        if (!visible) {
            throw new NotFoundException("No such service, or you may not see it");
        }
        throw new ForbiddenException("Only members of " + listing.getOwnerTeam().getName()
                + " and platform admins see and change " + what + " of " + listing.getName());
    }
}
