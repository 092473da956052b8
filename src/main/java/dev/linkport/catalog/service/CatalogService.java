package dev.linkport.catalog.service;

import dev.linkport.catalog.domain.ServiceListing;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.identity.service.AccessPolicy;
import dev.linkport.identity.service.Caller;
import dev.linkport.platform.OffsetPage;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalog as a consumer sees it: available services they may see, searched and filtered. */
@Service
@Transactional(readOnly = true)
public class CatalogService {

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
                               Set<String> tags, String approvalPolicy, String serviceName) {
    }

    /** Available services the caller may see that match the query, by name. */
    public List<CatalogEntry> search(CatalogQuery query, int offset, int limit) {
        Caller caller = access.caller();
        return listings.search(caller.teamIdsForQuery(), like(query.text()), exact(query.tag()), exact(query.team()),
                        exact(query.region()), new OffsetPage(offset, limit, Sort.unsorted()))
                .stream().map(CatalogService::entry).toList();
    }

    public long count(CatalogQuery query) {
        Caller caller = access.caller();
        return listings.countSearch(caller.teamIdsForQuery(), like(query.text()), exact(query.tag()),
                exact(query.team()), exact(query.region()));
    }

    private static String like(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String escaped = text.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private static String exact(String value) {
        return value == null ? "" : value.trim();
    }

    private static CatalogEntry entry(ServiceListing l) {
        return new CatalogEntry(l.getId(), l.getName(), l.getSummary(), l.getOwnerTeam().getName(), l.getRegion(),
                Set.copyOf(l.getTags()), l.getApprovalPolicy().name(), l.getAwsServiceName());
    }
}
