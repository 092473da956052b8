package dev.linkport.consumer.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface EndpointRequestRepository extends JpaRepository<EndpointRequest, UUID> {

    /** Requests into the teams' accounts (all requests when {@code all}), newest first. */
    @Query("""
            select r from EndpointRequest r join fetch r.listing join fetch r.consumerAccount a
            where ?2 = true or a.team.id in ?1 order by r.createdAt desc, r.id""")
    List<EndpointRequest> findByConsumerTeams(Collection<UUID> teamIds, boolean all, Pageable page);

    @Query("select count(r) from EndpointRequest r where ?2 = true or r.consumerAccount.team.id in ?1")
    long countByConsumerTeams(Collection<UUID> teamIds, boolean all);

    /** Submitted requests the caller may decide: as admin (all), or as a member of the providing team. */
    @Query("""
            select count(r) from EndpointRequest r where r.state = dev.linkport.consumer.domain.EndpointState.SUBMITTED
            and (?2 = true or (r.listing.approvalPolicy = dev.linkport.catalog.domain.ApprovalPolicy.PROVIDER
                               and r.listing.ownerTeam.id in ?1))""")
    long countDecidableBy(Collection<UUID> teamIds, boolean admin);

    @Query("""
            select r from EndpointRequest r join fetch r.listing l join fetch r.consumerAccount
            where r.state = dev.linkport.consumer.domain.EndpointState.SUBMITTED
            and (?2 = true or (l.approvalPolicy = dev.linkport.catalog.domain.ApprovalPolicy.PROVIDER
                               and l.ownerTeam.id in ?1))
            order by r.createdAt, r.id""")
    List<EndpointRequest> findDecidableBy(Collection<UUID> teamIds, boolean admin, Pageable page);

    /** Requests in the given states (for the worker's sweeps). */
    List<EndpointRequest> findByStateIn(Collection<EndpointState> states);
}
