package dev.linkport.provider.domain;

import dev.linkport.provider.PrincipalSyncState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface AllowedPrincipalRepository extends JpaRepository<AllowedPrincipal, UUID> {

    List<AllowedPrincipal> findByListingIdOrderByArn(UUID listingId);

    Optional<AllowedPrincipal> findByListingIdAndArn(UUID listingId, String arn);

    /** Whether Linkport knows AWS allows one of these principals on the listing. */
    boolean existsByListingIdAndSyncStateIn(UUID listingId, Collection<PrincipalSyncState> states);

    boolean existsByListingIdAndArnInAndSyncState(UUID listingId, Collection<String> arns, PrincipalSyncState state);

    /**
     * Records that AWS holds the principal, added because a request was approved. An upsert, so
     * that jobs provisioning several requests of one service at once do not collide.
     */
    @Modifying
    @Query(value = """
            insert into allowed_principal (id, listing_id, arn, source, sync_state, created_at, updated_at, version)
            values (gen_random_uuid(), ?1, ?2, 'APPROVAL', 'IN_SYNC', ?3, ?3, 0)
            on conflict (listing_id, arn) do update
               set sync_state = 'IN_SYNC', last_error = null, updated_at = excluded.updated_at,
                   version = allowed_principal.version + 1""", nativeQuery = true)
    int markApprovedInSync(UUID listingId, String arn, Instant now);

    /**
     * Records a principal AWS allows that Linkport did not add, unless Linkport knows it already:
     * drift, until someone decides. Returns 1 when it was new.
     */
    @Modifying
    @Query(value = """
            insert into allowed_principal (id, listing_id, arn, source, sync_state, last_error, created_at, updated_at,
                                           version)
            values (gen_random_uuid(), ?1, ?2, 'OBSERVED', 'DRIFTED', ?3, ?4, ?4, 0)
            on conflict (listing_id, arn) do nothing""", nativeQuery = true)
    int insertObserved(UUID listingId, String arn, String why, Instant now);
}
