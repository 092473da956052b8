package dev.linkport.identity.service;

import dev.linkport.identity.MembershipRole;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The signed-in user as authorization sees them, read fresh from the database for each service
 * call: admin flag and team roles.
 */
public record Caller(UUID userId, String username, boolean admin, Map<UUID, MembershipRole> teamRoles) {

    public boolean isMemberOf(UUID teamId) {
        return teamRoles.containsKey(teamId);
    }

    public boolean isOwnerOf(UUID teamId) {
        return teamRoles.get(teamId) == MembershipRole.OWNER;
    }

    public Set<UUID> teamIds() {
        return teamRoles.keySet();
    }

    /** Stands in for "no team" in {@code in (...)} queries, which must not be empty. */
    public static final UUID NO_TEAM = new UUID(0, 0);

    /** The caller's team ids for an {@code in (...)} query: never empty. */
    public Set<UUID> teamIdsForQuery() {
        return teamRoles.isEmpty() ? Set.of(NO_TEAM) : teamRoles.keySet();
    }
}
