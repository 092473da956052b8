package dev.linkport.identity.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TeamRepository extends JpaRepository<Team, UUID> {

    Optional<Team> findByName(String name);

    boolean existsByName(String name);

    /** Names of the teams whose name matches the pattern (for {@code lower(name) like}), by name. */
    @Query("select t.name from Team t where lower(t.name) like ?1 order by t.name")
    List<String> findNames(String pattern, Pageable page);

    /**
     * The teams the user is in (all teams when {@code all}) whose name or display name matches the
     * lower-case {@code like} pattern, by name.
     */
    @Query("""
            select t from Team t
            where (?2 = true or exists (select 1 from TeamMembership m where m.team = t and m.user.id = ?1))
              and (lower(t.name) like ?3 or lower(t.displayName) like ?3)
            order by t.name""")
    List<Team> findVisible(UUID userId, boolean all, String pattern, Pageable page);

    @Query("""
            select count(t) from Team t
            where (?2 = true or exists (select 1 from TeamMembership m where m.team = t and m.user.id = ?1))
              and (lower(t.name) like ?3 or lower(t.displayName) like ?3)""")
    long countVisible(UUID userId, boolean all, String pattern);

    /** The ids of the teams whose name or display name matches the lower-case {@code like} pattern. */
    @Query("select t.id from Team t where lower(t.name) like ?1 or lower(t.displayName) like ?1")
    List<UUID> findIdsMatching(String pattern);
}
