package dev.linkport.catalog.service;

import static dev.linkport.catalog.domain.ListingSpecifications.discoverableBy;
import static dev.linkport.catalog.domain.ListingSpecifications.mentions;
import static dev.linkport.catalog.domain.ListingSpecifications.ownedBy;
import static dev.linkport.catalog.domain.ListingSpecifications.reachableFrom;
import static dev.linkport.catalog.domain.ListingSpecifications.taggedWith;

import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.domain.ServiceListing;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.identity.service.AccessPolicy;
import dev.linkport.identity.service.Caller;
import dev.linkport.platform.OffsetPage;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalog as a consumer sees it: available services they may see, searched and filtered. */
@Service
@Transactional(readOnly = true)
public class CatalogService {

    private static final Sort BY_NAME = Sort.by("name", "id");

    private final ServiceListingRepository listings;
    private final AccessPolicy access;

    public CatalogService(ServiceListingRepository listings, AccessPolicy access) {
        this.listings = listings;
        this.access = access;
    }

    /**
     * What to look for; blank fields do not filter.
     *
     * @param text   words in name, summary, description, tags or owner team
     * @param tag    one exact tag
     * @param team   the owner team's name
     * @param region the service's region or one of its supported regions
     */
    public record CatalogQuery(String text, String tag, String team, String region) {
        public static CatalogQuery all() {
            return new CatalogQuery(null, null, null, null);
        }
    }

    /** A listing in the catalog. */
    public record CatalogEntry(UUID id, String name, String summary, String ownerTeam, String region,
                               Set<String> tags, ApprovalPolicy approvalPolicy, String serviceName) {
    }

    /** Available services the caller may see that match the query, by name. */
    public List<CatalogEntry> search(CatalogQuery query, int offset, int limit) {
        return listings.findBy(matching(query, access.caller()),
                        q -> q.sortBy(BY_NAME).slice(new OffsetPage(offset, limit, BY_NAME)))
                .stream().map(CatalogService::entry).toList();
    }

    public long count(CatalogQuery query) {
        return listings.count(matching(query, access.caller()));
    }

    private static Specification<ServiceListing> matching(CatalogQuery query, Caller caller) {
        return discoverableBy(caller.teamIds()).and(mentions(query.text())).and(taggedWith(query.tag()))
                .and(ownedBy(query.team())).and(reachableFrom(query.region()));
    }

    private static CatalogEntry entry(ServiceListing l) {
        return new CatalogEntry(l.getId(), l.getName(), l.getSummary(), l.getOwnerTeamName(), l.getRegion(),
                Set.copyOf(l.getTags()), l.getApprovalPolicy(), l.getAwsServiceName());
    }
}
