package dev.linkport.identity.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AwsAccountRepository extends JpaRepository<AwsAccount, UUID> {

    Optional<AwsAccount> findByAccountId(String accountId);

    List<AwsAccount> findByTeamIdOrderByAccountId(UUID teamId);

    List<AwsAccount> findByTeamIdInOrderByAccountId(Collection<UUID> teamIds);
}
