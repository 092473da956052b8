package dev.linkport.identity.service;

import dev.linkport.audit.service.AuditEntry;
import dev.linkport.audit.service.AuditLog;
import dev.linkport.identity.domain.AppUser;
import dev.linkport.identity.domain.AppUserRepository;
import dev.linkport.identity.domain.MembershipSource;
import dev.linkport.identity.domain.Team;
import dev.linkport.identity.domain.TeamMembership;
import dev.linkport.identity.domain.TeamMembershipRepository;
import dev.linkport.identity.domain.TeamRepository;
import dev.linkport.identity.service.SsoGroupMapping.Grants;
import dev.linkport.identity.service.SsoGroupMapping.TeamGrant;
import dev.linkport.platform.security.LinkportPrincipal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single sign-on users: a person the identity provider signed in becomes (on first sign-in) and stays a Linkport user
 * known by the provider's issuer and subject — never matched to a local user by name. At every sign-in their name,
 * e-mail, admin flag and the team memberships granted by their groups follow the provider
 * ({@link SingleSignOnProperties}). Memberships added by hand are left alone, and sign-in grants none for a team the
 * user is already in by hand.
 */
@Service
@Transactional
public class SingleSignOnService {

    private static final Logger log = LoggerFactory.getLogger(SingleSignOnService.class);
    private static final int MAX_USERNAME = 64;
    private static final int MAX_GROUP = 400;

    /**
     * A person as the identity provider vouched for them.
     *
     * @param claims the ID token's claims, with the user-info endpoint's
     */
    public record SsoIdentity(String issuer, String subject, Map<String, Object> claims) {
    }

    private final AppUserRepository users;
    private final TeamRepository teams;
    private final TeamMembershipRepository memberships;
    private final SingleSignOnProperties properties;
    private final SsoGroupMapping mapping;
    private final AuditLog audit;
    private final Clock clock;
    private final EnabledUsers sessions;
    private final Set<String> unknownTeamsLogged = ConcurrentHashMap.newKeySet();

    public SingleSignOnService(AppUserRepository users, TeamRepository teams, TeamMembershipRepository memberships,
                               SingleSignOnProperties properties, AuditLog audit, Clock clock,
                               EnabledUsers sessions) {
        this.users = users;
        this.teams = teams;
        this.memberships = memberships;
        this.properties = properties;
        this.mapping = new SsoGroupMapping(properties);
        this.audit = audit;
        this.clock = clock;
        this.sessions = sessions;
    }

    /**
     * Signs in the person the identity provider vouched for: creates their user on first sign-in, then applies the
     * claim mapping (name, e-mail, admin flag, team memberships granted by groups). Called before anyone is signed
     * in; changes are audited as Linkport's, with the user named in the reason.
     *
     * @return the principal Linkport's services see, as for a local user
     * @throws SignInRefusedException the user is disabled
     */
    public LinkportPrincipal signIn(SsoIdentity identity) {
        Objects.requireNonNull(identity.issuer(), "issuer");
        Objects.requireNonNull(identity.subject(), "subject");
        Map<String, Object> claims = identity.claims();
        String displayName = truncate(firstText(claims, "name"), 120);
        String email = truncate(firstText(claims, "email"), 254);
        AppUser user = users.findByOidcIssuerAndOidcSubject(identity.issuer(), identity.subject()).orElse(null);
        if (user == null) {
            String username = freeUsername(usernameFrom(identity));
            user = users.saveAndFlush(AppUser.fromSingleSignOn(username, displayName == null ? username : displayName,
                    email, identity.issuer(), identity.subject(), clock.instant()));
            audit.record(AuditEntry.of("USER_CREATED", "USER", user.getId(), user.getUsername(), null)
                    .change(null, "single sign-on user")
                    .because("first single sign-on by " + identity.subject() + " at " + identity.issuer()));
        } else if (!user.isEnabled()) {
            throw new SignInRefusedException("Your Linkport user " + user.getUsername()
                    + " is disabled. Ask a platform admin to enable it.");
        } else {
            if (displayName != null && !displayName.equals(user.getDisplayName())) {
                user.setDisplayName(displayName);
            }
            if (!Objects.equals(email, user.getEmail())) {
                user.setEmail(email);
            }
        }
        List<String> groups = mapping.groupsIn(claims);
        Grants grants = mapping.grants(groups);
        String why = "single sign-on of " + user.getUsername();
        if (grants.admin() != null && grants.admin() != user.isPlatformAdmin()) {
            audit.record(AuditEntry.of("USER_ADMIN_CHANGED", "USER", user.getId(), user.getUsername(), null)
                    .change(user.isPlatformAdmin() ? "platform admin" : "user",
                            grants.admin() ? "platform admin" : "user")
                    .because(why + ": " + (grants.admin() ? "in " : "not in ") + "an admin group"));
            user.setPlatformAdmin(grants.admin());
            sessions.forgetAfterCommit(user.getId()); // the new session has the new flag; older ones end
        }
        applyTeams(user, grants.teams(), why);
        users.flush();
        return new LinkportPrincipal(user.getId(), user.getUsername(), user.getDisplayName(), null,
                user.isPlatformAdmin(), true);
    }

    /** Makes the user's SSO memberships what the groups grant; manual memberships stay as they are. */
    private void applyTeams(AppUser user, Map<String, TeamGrant> granted, String why) {
        Map<String, TeamGrant> toAdd = new LinkedHashMap<>(granted);
        for (TeamMembership m : memberships.findByUser(user.getId())) {
            Team team = m.getTeam();
            TeamGrant grant = toAdd.remove(team.getName());
            if (m.getSource() != MembershipSource.SSO) {
                continue; // added by hand: the Teams page owns it
            }
            if (grant == null) {
                memberships.delete(m);
                audit.record(AuditEntry.of("MEMBER_REMOVED", "TEAM", team.getId(), team.getName(), team.getId())
                        .change(user.getUsername() + " as " + m.getRole(), null)
                        .because(why + ": no longer in group " + m.getSsoGroup()));
            } else if (grant.role() != m.getRole() || !grant.group().equals(m.getSsoGroup())) {
                if (grant.role() != m.getRole()) {
                    audit.record(AuditEntry.of("MEMBER_ROLE_CHANGED", "TEAM", team.getId(), team.getName(),
                                    team.getId())
                            .change(user.getUsername() + " " + m.getRole(), user.getUsername() + " " + grant.role())
                            .because(why + ": group " + grant.group()));
                    m.setRole(grant.role());
                }
                m.setSsoGroup(truncate(grant.group(), MAX_GROUP));
            }
        }
        toAdd.forEach((teamName, grant) -> teams.findByName(teamName).ifPresentOrElse(team -> {
            memberships.save(TeamMembership.fromSingleSignOn(team, user, grant.role(), truncate(grant.group(),
                    MAX_GROUP), clock.instant()));
            audit.record(AuditEntry.of("MEMBER_ADDED", "TEAM", team.getId(), team.getName(), team.getId())
                    .change(null, user.getUsername() + " as " + grant.role())
                    .because(why + ": group " + grant.group()));
        }, () -> {
            if (unknownTeamsLogged.add(teamName)) {
                log.info("Single sign-on: group '{}' names the team '{}', which does not exist in Linkport; "
                        + "create the team to let the group grant it", grant.group(), teamName);
            }
        }));
        memberships.flush();
    }

    private String usernameFrom(SsoIdentity identity) {
        String raw = firstText(identity.claims(), properties.usernameClaim());
        if (raw == null) {
            raw = firstText(identity.claims(), "email");
        }
        if (raw == null) {
            raw = identity.subject();
        }
        int at = raw.indexOf('@');
        if (at > 0) {
            raw = raw.substring(0, at);
        }
        String name = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+", "");
        if (name.length() > MAX_USERNAME - 4) {
            name = name.substring(0, MAX_USERNAME - 4);
        }
        return name.length() < 2 ? "user-" + shortHash(identity.issuer() + " " + identity.subject()) : name;
    }

    /** The name, or the name with the first free number: a local user of the same name is someone else. */
    private String freeUsername(String name) {
        String candidate = name;
        for (int n = 2; users.findByUsername(candidate).isPresent(); n++) {
            candidate = name + "-" + n;
        }
        return candidate;
    }

    private static String firstText(Map<String, Object> claims, String name) {
        Object value = SsoGroupMapping.claim(claims, name);
        return value instanceof String s && !s.isBlank() ? s.trim() : null;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String shortHash(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
