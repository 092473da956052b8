package dev.linkport.consumer.domain;

import dev.linkport.consumer.EndpointState;
import java.util.Collection;
import java.util.List;
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

    /** The listing's requests in these states, oldest first. */
    List<EndpointRequest> findByListingIdAndStateInOrderByCreatedAt(UUID listingId, Collection<EndpointState> states);

    /** All of the listing's requests, oldest first. */
    List<EndpointRequest> findByListingIdOrderByCreatedAt(UUID listingId);

    long countByListingIdAndStateIn(UUID listingId, Collection<EndpointState> states);

    /** The listing's requests that own one of these endpoints. */
    List<EndpointRequest> findByListingIdAndVpcEndpointIdIn(UUID listingId, Collection<String> vpcEndpointIds);

    /** Requests in the given states (for the worker's sweeps). */
    List<EndpointRequest> findByStateIn(Collection<EndpointState> states);
}
