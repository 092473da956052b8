package dev.linkport.consumer.domain;

import dev.linkport.consumer.ChangeState;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface EndpointChangeRepository extends JpaRepository<EndpointChange, UUID> {

    /** The request's changes, newest first. */
    List<EndpointChange> findByRequestIdOrderByCreatedAtDesc(UUID requestId);

    /** The change of the request being applied now, if any. */
    Optional<EndpointChange> findFirstByRequestIdAndState(UUID requestId, ChangeState state);

    /** The request's open change (waiting for approval or being applied), if any. */
    Optional<EndpointChange> findFirstByRequestIdAndStateIn(UUID requestId, Collection<ChangeState> states);

    /** Changes waiting for approval, oldest first. */
    @Query("select c from EndpointChange c where c.state = dev.linkport.consumer.ChangeState.AWAITING_APPROVAL "
            + "order by c.createdAt, c.id")
    List<EndpointChange> awaitingApproval(Pageable page);

    /** Changes waiting for approval of endpoints to the listings, oldest first. */
    @Query("select c from EndpointChange c, EndpointRequest r where r.id = c.requestId "
            + "and c.state = dev.linkport.consumer.ChangeState.AWAITING_APPROVAL and r.listingId in :listingIds "
            + "order by c.createdAt, c.id")
    List<EndpointChange> awaitingApproval(@Param("listingIds") Collection<UUID> listingIds, Pageable page);

    /** How many changes wait for approval. */
    @Query("select count(c) from EndpointChange c where c.state = dev.linkport.consumer.ChangeState.AWAITING_APPROVAL")
    long countAwaitingApproval();

    /** How many changes of endpoints to the listings wait for approval. */
    @Query("select count(c) from EndpointChange c, EndpointRequest r where r.id = c.requestId "
            + "and c.state = dev.linkport.consumer.ChangeState.AWAITING_APPROVAL and r.listingId in :listingIds")
    long countAwaitingApproval(@Param("listingIds") Collection<UUID> listingIds);
}
