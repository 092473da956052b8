package dev.linkport.consumer.domain;

import dev.linkport.consumer.EndpointState;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface EndpointRequestRepository extends JpaRepository<EndpointRequest, UUID> {

    /** Requests into the teams' accounts (all requests when {@code all}), newest first. */
    @Query("select r from EndpointRequest r where ?2 = true or r.consumerTeamId in ?1 order by r.createdAt desc, r.id")
    List<EndpointRequest> findByConsumerTeams(Collection<UUID> teamIds, boolean all, Pageable page);

    @Query("select count(r) from EndpointRequest r where ?2 = true or r.consumerTeamId in ?1")
    long countByConsumerTeams(Collection<UUID> teamIds, boolean all);

    /** Submitted requests to these listings (to all listings when {@code all}), oldest first. */
    @Query("""
            select r from EndpointRequest r where r.state = dev.linkport.consumer.EndpointState.SUBMITTED
            and (?2 = true or r.listingId in ?1) order by r.createdAt, r.id""")
    List<EndpointRequest> findSubmitted(Collection<UUID> listingIds, boolean all, Pageable page);

    @Query("""
            select count(r) from EndpointRequest r where r.state = dev.linkport.consumer.EndpointState.SUBMITTED
            and (?2 = true or r.listingId in ?1)""")
    long countSubmitted(Collection<UUID> listingIds, boolean all);

    /**
     * The oldest of the listing's requests into this VPC (account and region) that is in none of these states: the
     * one a new request for the same service into the same VPC would duplicate.
     */
    Optional<EndpointRequest> findFirstByListingIdAndConsumerAccountIdAndRegionAndVpcIdAndStateNotInOrderByCreatedAt(
            UUID listingId, UUID consumerAccountId, String region, String vpcId, Collection<EndpointState> states);

    /** The listing's requests in these states, oldest first. */
    List<EndpointRequest> findByListingIdAndStateInOrderByCreatedAt(UUID listingId, Collection<EndpointState> states);

    /** All of the listing's requests, oldest first. */
    List<EndpointRequest> findByListingIdOrderByCreatedAt(UUID listingId);

    long countByListingIdAndStateIn(UUID listingId, Collection<EndpointState> states);

    /** How many of the listing's requests in these states were allowed by the principal. */
    long countByListingIdAndAllowedPrincipalAndStateIn(UUID listingId, String allowedPrincipal,
                                                       Collection<EndpointState> states);

    /** The listing's requests that own one of these endpoints. */
    List<EndpointRequest> findByListingIdAndVpcEndpointIdIn(UUID listingId, Collection<String> vpcEndpointIds);

    /**
     * Approved requests into the account whose endpoint is still to be created, oldest first: the
     * account's queue for CreateVpcEndpoint.
     */
    @Query("""
            select r from EndpointRequest r where r.consumerAccountId = ?1 and r.vpcEndpointId is null
            and r.state in (dev.linkport.consumer.EndpointState.APPROVED, dev.linkport.consumer.EndpointState.PROVISIONING)
            order by r.createdAt, r.id""")
    List<EndpointRequest> findToCreate(UUID consumerAccountId, Pageable page);

    /** Requests into the account whose endpoint exists and is not available yet. */
    @Query("""
            select r from EndpointRequest r where r.consumerAccountId = ?1 and r.vpcEndpointId is not null
            and r.state in (dev.linkport.consumer.EndpointState.PROVISIONING,
                            dev.linkport.consumer.EndpointState.PENDING_ACCEPTANCE)
            order by r.createdAt, r.id""")
    List<EndpointRequest> findInProgress(UUID consumerAccountId);

    /** Requests to the listing whose endpoint waits for the acceptance Linkport has not asked for yet. */
    @Query("""
            select r from EndpointRequest r where r.listingId = ?1 and r.vpcEndpointId is not null
            and r.state = dev.linkport.consumer.EndpointState.PENDING_ACCEPTANCE and r.acceptedAt is null
            order by r.createdAt, r.id""")
    List<EndpointRequest> findToAccept(UUID listingId, Pageable page);

    /** The requests that own these endpoints; the ids go as one array parameter, however many there are. */
    @Query(value = "select * from endpoint_request where vpc_endpoint_id = any(cast(?1 as text[]))", nativeQuery = true)
    List<EndpointRequest> findByVpcEndpointIds(String[] vpcEndpointIds);

    /** A request's endpoint as reconciliation compares it with AWS, without loading the request. */
    record Watched(UUID id, UUID consumerAccountId, String region, String vpcEndpointId, EndpointState state) {
    }

    /** The endpoints of requests in these states: one query, no entity loaded. */
    @Query("""
            select new dev.linkport.consumer.domain.EndpointRequestRepository$Watched(r.id, r.consumerAccountId,
                   r.region, r.vpcEndpointId, r.state)
            from EndpointRequest r where r.state in ?1 and r.vpcEndpointId is not null
            order by r.consumerAccountId, r.region, r.id""")
    List<Watched> findWatched(Collection<EndpointState> states);

    /** Requests in the given states (for the worker's sweeps). */
    List<EndpointRequest> findByStateIn(Collection<EndpointState> states);
}
