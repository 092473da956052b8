package dev.linkport.identity.domain;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountAccessCheckRepository extends JpaRepository<AccountAccessCheck, UUID> {
}
