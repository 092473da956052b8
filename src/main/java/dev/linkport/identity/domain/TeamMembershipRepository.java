package dev.linkport.identity.domain;

import dev.linkport.identity.MembershipRole;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TeamMembershipRepository extends JpaRepository<TeamMembership, UUID> {

    @Query("select m from TeamMembership m join fetch m.user where m.team.id = ?1 order by m.user.username")
    List<TeamMembership> findByTeam(UUID teamId);

    /** A page of the team's members whose username or display name matches the lower-case {@code like} pattern. */
    @Query("""
            select m from TeamMembership m join fetch m.user u
            where m.team.id = ?1 and (lower(u.username) like ?2 or lower(u.displayName) like ?2)
            order by u.username""")
    List<TeamMembership> findByTeam(UUID teamId, String pattern, Pageable page);

    @Query("""
            select count(m) from TeamMembership m join m.user u
            where m.team.id = ?1 and (lower(u.username) like ?2 or lower(u.displayName) like ?2)""")
    long countByTeam(UUID teamId, String pattern);

    long countByTeamId(UUID teamId);

    @Query("select m from TeamMembership m join fetch m.team where m.user.id = ?1 order by m.team.name")
    List<TeamMembership> findByUser(UUID userId);

    Optional<TeamMembership> findByTeamIdAndUserId(UUID teamId, UUID userId);

    long countByTeamIdAndRole(UUID teamId, MembershipRole role);
}
