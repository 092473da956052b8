package dev.linkport.identity.service;

import dev.linkport.identity.MembershipRole;
import dev.linkport.identity.domain.AppUserRepository;
import dev.linkport.identity.domain.CallerRow;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.security.CurrentActor;
import dev.linkport.platform.security.PlatformAdmins;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers "who is calling and what may they do" from the database, so that a change of admin
 * flag or team role takes effect on the next call. Every service that authorizes starts here; the session's
 * principal is used only for who is calling, never for what they may do.
 */
@Service
@Transactional(readOnly = true)
public class AccessPolicy implements PlatformAdmins {

    private final CurrentActor actor;
    private final AppUserRepository users;

    public AccessPolicy(CurrentActor actor, AppUserRepository users) {
        this.actor = actor;
        this.users = users;
    }

    /** The signed-in caller; refuses anonymous or disabled users. */
    public Caller caller() {
        UUID userId = actor.require().userId();
        List<CallerRow> rows = users.findCallerRows(userId);
        if (rows.isEmpty()) {
            throw new AccessDeniedException("Your user no longer exists or is disabled");
        }
        Map<UUID, MembershipRole> roles = new HashMap<>();
        rows.stream().filter(r -> r.teamId() != null).forEach(r -> roles.put(r.teamId(), r.role()));
        CallerRow first = rows.getFirst();
        return new Caller(userId, first.username(), first.platformAdmin(), Map.copyOf(roles));
    }

    /** Whether the caller is a platform admin, from the database (for modules below identity, such as audit). */
    @Override
    public boolean callerIsAdmin() {
        return caller().admin();
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
