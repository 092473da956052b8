package dev.linkport.catalog.service;

import dev.linkport.catalog.domain.ListingState;
import dev.linkport.catalog.domain.ServiceListing;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.identity.service.AccessPolicy;
import dev.linkport.identity.service.Caller;
import dev.linkport.platform.OffsetPage;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalog as a consumer sees it: available services they may see. */
@Service
@Transactional(readOnly = true)
public class CatalogService {


    private final ServiceListingRepository listings;
    private final AccessPolicy access;

    public CatalogService(ServiceListingRepository listings, AccessPolicy access) {
        this.listings = listings;
        this.access = access;
    }

    /** A listing in the catalog. */
    public record CatalogEntry(UUID id, String name, String summary, String ownerTeam, String region,
                               Set<String> tags, String approvalPolicy) {
    }

    /** Available services the caller may see, by name. */
    public List<CatalogEntry> list(int offset, int limit) {
        Caller caller = access.caller();
        return listings.findVisible(ListingState.AVAILABLE, caller.teamIdsForQuery(), new OffsetPage(offset, limit, Sort.unsorted()))
                .stream().map(CatalogService::entry).toList();
    }

    public long count() {
        return listings.countVisible(ListingState.AVAILABLE, access.caller().teamIdsForQuery());
    }


    private static CatalogEntry entry(ServiceListing l) {
        return new CatalogEntry(l.getId(), l.getName(), l.getSummary(), l.getOwnerTeam().getName(), l.getRegion(),
                Set.copyOf(l.getTags()), l.getApprovalPolicy().name());
    }
}
