package dev.linkport.consumer.domain;

import dev.linkport.consumer.ChangeState;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EndpointChangeRepository extends JpaRepository<EndpointChange, UUID> {

    /** The request's changes, newest first. */
    List<EndpointChange> findByRequestIdOrderByCreatedAtDesc(UUID requestId);

    /** The change of the request being applied now, if any. */
    Optional<EndpointChange> findFirstByRequestIdAndState(UUID requestId, ChangeState state);
}
