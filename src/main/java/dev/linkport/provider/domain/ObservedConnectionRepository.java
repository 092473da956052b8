package dev.linkport.provider.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ObservedConnectionRepository extends JpaRepository<ObservedConnection, UUID> {

    List<ObservedConnection> findByListingIdOrderByFirstSeenAt(UUID listingId);

    /** The connections of these listings; the ids go as one array parameter, however many there are. */
    @Query(value = "select * from observed_connection where listing_id = any(cast(?1 as uuid[]))", nativeQuery = true)
    List<ObservedConnection> findByListingIds(String[] listingIds);

    /**
     * A page of a service's connections, newest in AWS first, filtered: {@code state} is AWS's state or
     * null; {@code text} a lower-case {@code like} pattern matched against the endpoint and account
     * ids, or null; {@code accounts} further account ids that match (those of the teams the text names).
     */
    @Query(value = """
            select * from observed_connection where listing_id = :listing
               and (cast(:state as text) is null or state = :state)
               and (cast(:text as text) is null or lower(vpc_endpoint_id) like :text or owner_account_id like :text
                    or owner_account_id = any(cast(:accounts as text[])))
            order by aws_created_at desc nulls last, vpc_endpoint_id
            offset :offset limit :limit""", nativeQuery = true)
    List<ObservedConnection> findPage(@Param("listing") UUID listingId, @Param("state") String state,
                                      @Param("text") String text, @Param("accounts") String[] accounts,
                                      @Param("offset") int offset, @Param("limit") int limit);

    /** How many of a service's connections {@link #findPage} filters in. */
    @Query(value = """
            select count(*) from observed_connection where listing_id = :listing
               and (cast(:state as text) is null or state = :state)
               and (cast(:text as text) is null or lower(vpc_endpoint_id) like :text or owner_account_id like :text
                    or owner_account_id = any(cast(:accounts as text[])))""", nativeQuery = true)
    long countPage(@Param("listing") UUID listingId, @Param("state") String state, @Param("text") String text,
                   @Param("accounts") String[] accounts);

    /** A service's connections counted by what the Connections page says about them. */
    record Tally(long total, long pendingAcceptance, long outsideLinkport, long moving) {
    }

    @Query("""
            select new dev.linkport.provider.domain.ObservedConnectionRepository$Tally(count(c),
                   coalesce(sum(case when c.state = 'pendingAcceptance' then 1 else 0 end), 0),
                   coalesce(sum(case when c.requestId is null then 1 else 0 end), 0),
                   coalesce(sum(case when c.state in ('pending', 'deleting') then 1 else 0 end), 0))
            from ObservedConnection c where c.listingId = ?1""")
    Tally tally(UUID listingId);

    /** Whether AWS last reported any of the service's connections in one of these states. */
    boolean existsByListingIdAndStateIn(UUID listingId, Collection<String> states);

    Optional<ObservedConnection> findByListingIdAndVpcEndpointId(UUID listingId, String vpcEndpointId);

    /** The provider decided on the connection; the worker carries it out. A plain update, so a concurrent upsert cannot make it stale. */
    @Modifying
    @Query("""
            update ObservedConnection c set c.requestedDecision = ?3, c.version = c.version + 1
            where c.listingId = ?1 and c.vpcEndpointId = ?2""")
    int requestDecision(UUID listingId, String vpcEndpointId, ObservedConnection.Decision decision);

    /** The worker carried the decision out, and AWS reports {@code state} now ({@code null}: keep the last one). */
    @Modifying
    @Query("""
            update ObservedConnection c set c.requestedDecision = null, c.state = coalesce(?2, c.state),
                   c.lastSeenAt = ?3, c.version = c.version + 1
            where c.id = ?1""")
    int decided(UUID id, String state, Instant now);

    /** The listing's connections with a decision for the worker to carry out. */
    List<ObservedConnection> findByListingIdAndRequestedDecisionIsNotNull(UUID listingId);

    /**
     * Records a connection as AWS reports it now; returns whether it was new. An upsert, so that
     * two people opening the Connections page at once (or the reconciler) do not collide on the
     * unique key. A request once matched stays matched.
     */
    @Query(value = """
            insert into observed_connection (id, listing_id, vpc_endpoint_id, owner_account_id, state, aws_created_at,
                                             request_id, first_seen_at, last_seen_at, version)
            values (gen_random_uuid(), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, 0)
            on conflict (listing_id, vpc_endpoint_id) do update
               set state = excluded.state, owner_account_id = excluded.owner_account_id,
                   aws_created_at = coalesce(excluded.aws_created_at, observed_connection.aws_created_at),
                   request_id = coalesce(observed_connection.request_id, excluded.request_id),
                   last_seen_at = excluded.last_seen_at, version = observed_connection.version + 1
            returning (xmax = 0)""", nativeQuery = true)
    boolean upsert(UUID listingId, String vpcEndpointId, String ownerAccountId, String state, Instant awsCreatedAt,
                   UUID requestId, Instant now);

    /** AWS reported this state for the connection; a plain update, so a concurrent upsert cannot make it stale. */
    @Modifying
    @Query("update ObservedConnection c set c.state = ?2, c.lastSeenAt = ?3, c.version = c.version + 1 where c.id = ?1")
    int markSeen(UUID id, String state, Instant now);
}
