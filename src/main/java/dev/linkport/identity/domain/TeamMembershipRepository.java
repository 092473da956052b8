package dev.linkport.identity.domain;

import dev.linkport.identity.MembershipRole;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TeamMembershipRepository extends JpaRepository<TeamMembership, UUID> {

    @Query("select m from TeamMembership m join fetch m.user where m.team.id = ?1 order by m.user.username")
    List<TeamMembership> findByTeam(UUID teamId);

    @Query("select m from TeamMembership m join fetch m.team where m.user.id = ?1 order by m.team.name")
    List<TeamMembership> findByUser(UUID userId);

    Optional<TeamMembership> findByTeamIdAndUserId(UUID teamId, UUID userId);

    long countByTeamIdAndRole(UUID teamId, MembershipRole role);
}
