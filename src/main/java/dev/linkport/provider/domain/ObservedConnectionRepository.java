package dev.linkport.provider.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ObservedConnectionRepository extends JpaRepository<ObservedConnection, UUID> {

    List<ObservedConnection> findByListingIdOrderByFirstSeenAt(UUID listingId);
}
