package dev.linkport.identity.service;

import dev.linkport.identity.domain.AppUser;
import dev.linkport.identity.domain.AppUserRepository;
import dev.linkport.identity.domain.TeamMembership;
import dev.linkport.identity.domain.TeamMembershipRepository;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.security.CurrentActor;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers "who is calling and what may they do" from the database, so that a change of admin
 * flag or team role takes effect on the next call. Every service that authorizes starts here.
 */
@Service
@Transactional(readOnly = true)
public class AccessPolicy {

    private final CurrentActor actor;
    private final AppUserRepository users;
    private final TeamMembershipRepository memberships;

    public AccessPolicy(CurrentActor actor, AppUserRepository users, TeamMembershipRepository memberships) {
        this.actor = actor;
        this.users = users;
        this.memberships = memberships;
    }

    /** The signed-in caller; refuses anonymous or disabled users. */
    public Caller caller() {
        UUID userId = actor.require().userId();
        AppUser user = users.findById(userId)
                .filter(AppUser::isEnabled)
                .orElseThrow(() -> new AccessDeniedException("Your user no longer exists or is disabled"));
        Map<UUID, dev.linkport.identity.MembershipRole> roles = memberships.findByUser(userId).stream()
                .collect(Collectors.toMap(m -> m.getTeam().getId(), TeamMembership::getRole));
        return new Caller(user.getId(), user.getUsername(), user.isPlatformAdmin(), Map.copyOf(roles));
    }

    /** The caller, if a platform admin; otherwise refuses with {@code why}. */
    public Caller requireAdmin(String why) {
        Caller caller = caller();
        if (!caller.admin()) {
            throw new ForbiddenException(why);
        }
        return caller;
    }

    /** The caller, if an owner of the team or a platform admin; otherwise refuses with {@code why}. */
    public Caller requireOwnerOrAdmin(UUID teamId, String why) {
        Caller caller = caller();
        if (!caller.admin() && !caller.isOwnerOf(teamId)) {
            throw new ForbiddenException(why);
        }
        return caller;
    }
}
