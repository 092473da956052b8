package dev.linkport.catalog.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ServiceListingRepository extends JpaRepository<ServiceListing, UUID> {

    /** Listings in a state that the given teams may see (visible to all, or to one of the teams). */
    @Query("""
            select l from ServiceListing l join fetch l.ownerTeam
            where l.state = ?1 and (l.visibility = dev.linkport.catalog.domain.Visibility.ALL_TEAMS
               or l.ownerTeam.id in ?2)
            order by l.name""")
    List<ServiceListing> findVisible(ListingState state, Collection<UUID> teamIds, Pageable page);

    @Query("select count(l) from ServiceListing l where l.state = ?1 and (l.visibility = dev.linkport.catalog.domain.Visibility.ALL_TEAMS or l.ownerTeam.id in ?2)")
    long countVisible(ListingState state, Collection<UUID> teamIds);

    @Query("select l from ServiceListing l join fetch l.ownerTeam where l.ownerTeam.id in ?1 order by l.name")
    List<ServiceListing> findByOwnerTeams(Collection<UUID> teamIds, Pageable page);

    long countByOwnerTeamIdIn(Collection<UUID> teamIds);
}
