package dev.linkport.provider.service;

import dev.linkport.catalog.domain.ServiceListing;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.identity.service.AccessPolicy;
import dev.linkport.identity.service.Caller;
import dev.linkport.platform.OffsetPage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The services the caller's teams provide, in every state. */
@Service
@Transactional(readOnly = true)
public class MyServicesService {

    private final ServiceListingRepository listings;
    private final AccessPolicy access;

    public MyServicesService(ServiceListingRepository listings, AccessPolicy access) {
        this.listings = listings;
        this.access = access;
    }

    public record OwnedService(UUID id, String name, String ownerTeam, String region, String state,
                               String serviceName, Instant updatedAt) {
    }

    public List<OwnedService> list(int offset, int limit) {
        return listings.findByOwnerTeams(access.caller().teamIdsForQuery(), new OffsetPage(offset, limit, Sort.unsorted()))
                .stream().map(MyServicesService::owned).toList();
    }

    public long count() {
        return listings.countByOwnerTeamIdIn(access.caller().teamIdsForQuery());
    }


    private static OwnedService owned(ServiceListing l) {
        return new OwnedService(l.getId(), l.getName(), l.getOwnerTeam().getName(), l.getRegion(), l.getState().name(),
                l.getAwsServiceName(), l.getUpdatedAt());
    }
}
