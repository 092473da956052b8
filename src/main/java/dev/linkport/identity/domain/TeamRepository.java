package dev.linkport.identity.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TeamRepository extends JpaRepository<Team, UUID> {

    Optional<Team> findByName(String name);

    boolean existsByName(String name);

    List<Team> findAllByOrderByName();

    @Query("select m.team from TeamMembership m where m.user.id = ?1 order by m.team.name")
    List<Team> findByMember(UUID userId);
}
