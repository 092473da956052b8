package dev.linkport.catalog.service;

import dev.linkport.aws.AwsTarget;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.domain.CatalogSearchRepository;
import dev.linkport.catalog.domain.ServiceListing;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.identity.service.AccessPolicy;
import dev.linkport.identity.service.AccountDirectory;
import dev.linkport.identity.service.Caller;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.NotFoundException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Listings for the other modules: who may manage one, whether a team may request one, lookups,
 * and where each one's endpoint service lives in AWS. The rules about listings are the catalog's;
 * other modules ask here rather than repeat them.
 */
@Service
@Transactional(readOnly = true)
public class ListingDirectory {

    private static final String NOT_FOUND = "No such service, or you may not see it";

    private final ServiceListingRepository listings;
    private final AccountDirectory accounts;
    private final AccessPolicy access;
    private final CatalogSearchRepository search;
    private final JdbcClient jdbc;

    ListingDirectory(ServiceListingRepository listings, AccountDirectory accounts, AccessPolicy access,
                     CatalogSearchRepository search, JdbcClient jdbc) {
        this.listings = listings;
        this.search = search;
        this.accounts = accounts;
        this.access = access;
        this.jdbc = jdbc;
    }

    /**
     * The listing, if the caller manages it: members of the owning team and platform admins. Those
     * who may see it but not manage it are refused (403, saying what they wanted to do: {@code action}
     * is completed by the service's name, e.g. "see and change the allowed principals of"); those
     * who may not even see it are told it does not exist (404).
     */
    public ManagedListing requireManaged(UUID id, String action) {
        Caller caller = access.caller();
        ServiceListing listing = managed(id, caller, action);
        return new ManagedListing(ref(listing), caller, listing.getAwsServiceId() == null ? null
                : accounts.get(listing.getProviderAccountId()).target(listing.getRegion(), caller.username()));
    }

    /** The listing entity, if the caller manages it (the catalog's own services use this). */
    ServiceListing managed(UUID id, Caller caller, String action) {
        ServiceListing listing = listings.findById(id).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        if (caller.admin() || listing.isOwnedByAnyOf(caller.teamIds())) {
            return listing;
        }
        if (discoverable(id, caller.teamIds()).isPresent()) {
            throw new ForbiddenException("Only members of " + listing.getOwnerTeamName() + " and platform admins may "
                    + action + " " + listing.getName());
        }
        throw new NotFoundException(NOT_FOUND);
    }

    /** The listing, if the caller may see it: they manage it, or it is in the catalog for one of their teams. */
    ServiceListing visible(UUID id, Caller caller) {
        ServiceListing listing = listings.findById(id).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        if (caller.admin() || listing.isOwnedByAnyOf(caller.teamIds())) {
            return listing;
        }
        return discoverable(id, caller.teamIds()).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    /**
     * The listing, if members of the team may request an endpoint to it: it is available and the
     * team finds it in the catalog. The team is the one that owns the account the endpoint goes
     * into, not necessarily every team of the person asking.
     */
    public Optional<ListingRef> requestableBy(UUID listingId, UUID consumerTeamId) {
        return discoverable(listingId, Set.of(consumerTeamId)).map(ListingDirectory::ref);
    }

    private Optional<ServiceListing> discoverable(UUID id, Set<UUID> teamIds) {
        return search.discoverable(id, teamIds) ? listings.findById(id) : Optional.empty();
    }

    /** One listing, whatever its state; for modules that authorize their own callers. */
    public ListingRef get(UUID id) {
        return listings.findById(id).map(ListingDirectory::ref)
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    /** Listings by id; unknown ids are left out. */
    public Map<UUID, ListingRef> get(Collection<UUID> ids) {
        Map<UUID, ListingRef> out = new HashMap<>();
        if (!ids.isEmpty()) {
            listings.findAllById(ids).forEach(l -> out.put(l.getId(), ref(l)));
        }
        return out;
    }

    /** Where the listing's endpoint service lives, acting for {@code actingUser} (or Linkport, when null). */
    public AwsTarget providerTarget(ListingRef listing, String actingUser) {
        return accounts.get(listing.providerAccountId()).target(listing.region(), actingUser);
    }

    /** The listings of these teams whose requests the owning team decides (policy {@code PROVIDER}). */
    public List<UUID> decidedByTheirTeam(Collection<UUID> teamIds) {
        return teamIds.isEmpty() ? List.of()
                : listings.findIdsByOwnerTeamsAndPolicy(teamIds, ApprovalPolicy.PROVIDER);
    }

    /** The provider accounts and regions that hold endpoint services of available or retiring listings. */
    public List<ServicesInAws.ProviderRegion> providerRegionsInAws() {
        return jdbc.sql("""
                        select distinct provider_account_id, region from service_listing
                        where state in ('AVAILABLE', 'RETIRING') and aws_service_id is not null
                        order by provider_account_id, region""")
                .query((rs, n) -> new ServicesInAws.ProviderRegion(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
    }

    /**
     * The endpoint services of one provider account and region, with the settings AWS should hold: three
     * queries however many there are, and no entity loaded.
     */
    public ServicesInAws servicesInAws(ServicesInAws.ProviderRegion where) {
        String inAws = """
                select id from service_listing where provider_account_id = ? and region = ?
                and state in ('AVAILABLE', 'RETIRING') and aws_service_id is not null""";
        Map<UUID, Set<String>> regions = new HashMap<>();
        jdbc.sql("select listing_id, region from service_listing_supported_region where listing_id in (" + inAws + ")")
                .params(where.accountId(), where.region())
                .query((rs, n) -> regions.computeIfAbsent(rs.getObject(1, UUID.class), k -> new TreeSet<>())
                        .add(rs.getString(2)))
                .list();
        Map<UUID, Set<String>> balancers = new HashMap<>();
        jdbc.sql("select listing_id, load_balancer_arn from service_listing_load_balancer where listing_id in ("
                        + inAws + ")")
                .params(where.accountId(), where.region())
                .query((rs, n) -> balancers.computeIfAbsent(rs.getObject(1, UUID.class), k -> new TreeSet<>())
                        .add(rs.getString(2)))
                .list();
        List<ServicesInAws.Service> services = jdbc.sql("""
                        select id, name, owner_team_id, aws_service_id, acceptance_required, private_dns_name,
                               private_dns_state
                        from service_listing where provider_account_id = ? and region = ?
                        and state in ('AVAILABLE', 'RETIRING') and aws_service_id is not null
                        order by id""")
                .params(where.accountId(), where.region())
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    return new ServicesInAws.Service(id, rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                            rs.getBoolean(5), regions.getOrDefault(id, Set.of()), balancers.getOrDefault(id, Set.of()),
                            rs.getString(6), rs.getString(7));
                })
                .list();
        return new ServicesInAws(accounts.get(where.accountId()).target(where.region(), null), services);
    }

    static ListingRef ref(ServiceListing l) {
        return new ListingRef(l.getId(), l.getName(), l.getOwnerTeamId(), l.getOwnerTeamName(), l.getState(),
                l.getApprovalPolicy(), l.getProviderAccountId(), l.getRegion(), l.getSupportedRegions(),
                l.getAwsServiceId(), l.getAwsServiceName(), l.getAvailabilityZoneIds(), l.isPrivateDnsVerified(),
                l.getPrincipalMode(), l.getSupportedIpAddressTypes(), l.getChangeApproval());
    }
}
