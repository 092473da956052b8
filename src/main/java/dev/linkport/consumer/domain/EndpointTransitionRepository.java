package dev.linkport.consumer.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EndpointTransitionRepository extends JpaRepository<EndpointTransition, Long> {

    List<EndpointTransition> findByRequestIdOrderByOccurredAtAscIdAsc(UUID requestId);
}
