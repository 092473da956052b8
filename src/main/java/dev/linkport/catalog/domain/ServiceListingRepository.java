package dev.linkport.catalog.domain;

import dev.linkport.catalog.ApprovalPolicy;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface ServiceListingRepository extends JpaRepository<ServiceListing, UUID>,
        JpaSpecificationExecutor<ServiceListing> {

    List<ServiceListing> findByOwnerTeamIdInOrderByNameAscIdAsc(Collection<UUID> teamIds, Pageable page);

    long countByOwnerTeamIdIn(Collection<UUID> teamIds);

    /** Listings of these teams whose requests are decided with the given policy. */
    @Query("select l.id from ServiceListing l where l.ownerTeamId in ?1 and l.approvalPolicy = ?2")
    List<UUID> findIdsByOwnerTeamsAndPolicy(Collection<UUID> teamIds, ApprovalPolicy policy);

    /**
     * Listings that have an endpoint service in AWS (available or being retired), by id after
     * {@code after}: read in pages, so that any number of them is read with bounded queries.
     */
    @Query("""
            select l from ServiceListing l
            where l.state in (dev.linkport.catalog.ListingState.AVAILABLE, dev.linkport.catalog.ListingState.RETIRING)
              and l.awsServiceId is not null and l.id > ?1
            order by l.id""")
    List<ServiceListing> findInAwsAfter(UUID after, Pageable page);
}
