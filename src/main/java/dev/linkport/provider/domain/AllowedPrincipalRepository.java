package dev.linkport.provider.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AllowedPrincipalRepository extends JpaRepository<AllowedPrincipal, UUID> {

    List<AllowedPrincipal> findByListingIdOrderByArn(UUID listingId);

    java.util.Optional<AllowedPrincipal> findByListingIdAndArn(UUID listingId, String arn);

    /**
     * Records that AWS holds the principal, added because a request was approved. An upsert, so
     * that jobs provisioning several requests of one service at once do not collide.
     */
    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query(value = """
            insert into allowed_principal (id, listing_id, arn, source, sync_state, created_at, updated_at, version)
            values (gen_random_uuid(), ?1, ?2, 'APPROVAL', 'IN_SYNC', ?3, ?3, 0)
            on conflict (listing_id, arn) do update
               set sync_state = 'IN_SYNC', last_error = null, updated_at = excluded.updated_at,
                   version = allowed_principal.version + 1""", nativeQuery = true)
    int markApprovedInSync(UUID listingId, String arn, java.time.Instant now);

    /** The listing's requests in these states, with their accounts and teams (who depends on a principal). */
    @org.springframework.data.jpa.repository.Query("""
            select r from EndpointRequest r join fetch r.consumerAccount a join fetch a.team
            where r.listing.id = ?1 and r.state in ?2 order by r.createdAt""")
    List<dev.linkport.consumer.domain.EndpointRequest> findRequestsInStates(UUID listingId,
            java.util.Collection<dev.linkport.consumer.domain.EndpointState> states);
}
