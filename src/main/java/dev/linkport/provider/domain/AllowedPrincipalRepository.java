package dev.linkport.provider.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AllowedPrincipalRepository extends JpaRepository<AllowedPrincipal, UUID> {

    List<AllowedPrincipal> findByListingIdOrderByArn(UUID listingId);

    java.util.Optional<AllowedPrincipal> findByListingIdAndArn(UUID listingId, String arn);
}
