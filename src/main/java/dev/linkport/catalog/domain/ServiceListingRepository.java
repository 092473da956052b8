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
}
