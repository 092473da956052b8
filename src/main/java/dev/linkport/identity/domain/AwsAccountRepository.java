package dev.linkport.identity.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AwsAccountRepository extends JpaRepository<AwsAccount, UUID> {

    Optional<AwsAccount> findByAccountId(String accountId);

    List<AwsAccount> findByTeamIdOrderByAccountId(UUID teamId);

    List<AwsAccount> findByTeamIdInOrderByAccountId(Collection<UUID> teamIds);

    long countByTeamId(UUID teamId);

    /** An AWS account id with the name of the team owning it. */
    record AccountTeam(String accountId, String teamName) {
    }

    @Query("""
            select new dev.linkport.identity.domain.AwsAccountRepository$AccountTeam(a.accountId, t.name)
            from AwsAccount a join a.team t where a.accountId in ?1""")
    List<AccountTeam> findTeamNames(Collection<String> accountIds);

    /** The AWS account ids of the teams whose name or display name matches the lower-case {@code like} pattern. */
    @Query("""
            select a.accountId from AwsAccount a join a.team t
            where lower(t.name) like ?1 or lower(t.displayName) like ?1 order by a.accountId""")
    List<String> findAccountIdsOfTeamsMatching(String pattern);
}
