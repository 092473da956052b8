package dev.linkport.identity.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AppUserRepository extends JpaRepository<AppUser, UUID> {

    /** The enabled user with their team roles, in one query without loading entities (every call authorizes). */
    @Query("""
            select new dev.linkport.identity.domain.CallerRow(u.username, u.platformAdmin, m.team.id, m.role)
            from AppUser u left join TeamMembership m on m.user = u
            where u.id = ?1 and u.enabled = true""")
    java.util.List<CallerRow> findCallerRows(UUID id);

    @Query("select u from AppUser u where lower(u.username) = lower(?1)")
    Optional<AppUser> findByUsername(String username);

    /** The user a single sign-on identity was first seen as. */
    Optional<AppUser> findByOidcIssuerAndOidcSubject(String issuer, String subject);

    /**
     * The platform-admin flag of an enabled user; empty when the user does not exist or is disabled (checked for
     * signed-in sessions, see {@code EnabledUsers}).
     */
    @Query("select u.platformAdmin from AppUser u where u.id = ?1 and u.enabled = true")
    java.util.Optional<Boolean> findAdminFlagOfEnabled(UUID id);

    /**
     * Users whose username, display name or e-mail matches the lower-case {@code like} pattern, by
     * username; only enabled ones unless {@code disabledToo}.
     */
    @Query("""
            select u from AppUser u
            where (?2 = true or u.enabled = true)
              and (lower(u.username) like ?1 or lower(u.displayName) like ?1 or lower(coalesce(u.email, '')) like ?1)
            order by lower(u.username)""")
    List<AppUser> findMatching(String pattern, boolean disabledToo, Pageable page);

    @Query("""
            select count(u) from AppUser u
            where (?2 = true or u.enabled = true)
              and (lower(u.username) like ?1 or lower(u.displayName) like ?1 or lower(coalesce(u.email, '')) like ?1)""")
    long countMatching(String pattern, boolean disabledToo);

    /** The enabled platform admins' ids (notifications for the ADMIN approval policy and escalations). */
    @Query("select u.id from AppUser u where u.platformAdmin = true and u.enabled = true")
    List<UUID> findEnabledAdminIds();
}
