package dev.linkport.catalog.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ServiceListingRepository extends JpaRepository<ServiceListing, UUID> {

    @Query("select l from ServiceListing l join fetch l.ownerTeam where l.ownerTeam.id in ?1 order by l.name")
    List<ServiceListing> findByOwnerTeams(Collection<UUID> teamIds, Pageable page);

    long countByOwnerTeamIdIn(Collection<UUID> teamIds);

    /** Endpoint requests to the listing that are live or on their way (its consumers). */
    @Query(value = """
            select count(*) from endpoint_request r where r.listing_id = ?1
            and r.state in ('APPROVED', 'PROVISIONING', 'PENDING_ACCEPTANCE', 'AVAILABLE', 'DRIFTED')""",
            nativeQuery = true)
    long countConsumers(UUID listingId);

    /** Catalog search: available listings visible to the teams, matching text, tag, owner team and region. */
    @Query("""
            select distinct l from ServiceListing l join fetch l.ownerTeam t
            where l.state = dev.linkport.catalog.domain.ListingState.AVAILABLE
              and (l.visibility = dev.linkport.catalog.domain.Visibility.ALL_TEAMS or t.id in :teams
                   or exists (select 1 from ServiceListing v join v.visibleTeamIds vt where v = l and vt in :teams))
              and (:text = '' or lower(l.name) like :text or lower(l.summary) like :text
                   or lower(coalesce(l.description, '')) like :text or lower(t.name) like :text
                   or exists (select 1 from ServiceListing x join x.tags xt where x = l and xt like :text))
              and (:tag = '' or exists (select 1 from ServiceListing y join y.tags yt where y = l and yt = :tag))
              and (:team = '' or t.name = :team)
              and (:region = '' or l.region = :region
                   or exists (select 1 from ServiceListing z join z.supportedRegions zr where z = l and zr = :region))
            order by l.name, l.id""")
    List<ServiceListing> search(@org.springframework.data.repository.query.Param("teams") Collection<UUID> teams,
                                @org.springframework.data.repository.query.Param("text") String text,
                                @org.springframework.data.repository.query.Param("tag") String tag,
                                @org.springframework.data.repository.query.Param("team") String team,
                                @org.springframework.data.repository.query.Param("region") String region,
                                Pageable page);

    @Query("""
            select count(distinct l) from ServiceListing l join l.ownerTeam t
            where l.state = dev.linkport.catalog.domain.ListingState.AVAILABLE
              and (l.visibility = dev.linkport.catalog.domain.Visibility.ALL_TEAMS or t.id in :teams
                   or exists (select 1 from ServiceListing v join v.visibleTeamIds vt where v = l and vt in :teams))
              and (:text = '' or lower(l.name) like :text or lower(l.summary) like :text
                   or lower(coalesce(l.description, '')) like :text or lower(t.name) like :text
                   or exists (select 1 from ServiceListing x join x.tags xt where x = l and xt like :text))
              and (:tag = '' or exists (select 1 from ServiceListing y join y.tags yt where y = l and yt = :tag))
              and (:team = '' or t.name = :team)
              and (:region = '' or l.region = :region
                   or exists (select 1 from ServiceListing z join z.supportedRegions zr where z = l and zr = :region))""")
    long countSearch(@org.springframework.data.repository.query.Param("teams") Collection<UUID> teams,
                     @org.springframework.data.repository.query.Param("text") String text,
                     @org.springframework.data.repository.query.Param("tag") String tag,
                     @org.springframework.data.repository.query.Param("team") String team,
                     @org.springframework.data.repository.query.Param("region") String region);
}
