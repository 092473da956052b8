package dev.linkport.identity.service;

import dev.linkport.identity.MembershipRole;
import java.util.UUID;

/** What {@link TeamService} returns. */
public final class TeamViews {

    private TeamViews() {
    }

    /**
     * A team as the caller sees it.
     *
     * @param myRole          the caller's role in it, or null
     * @param canManage       the caller may edit the team itself (admins)
     * @param canManageMembers the caller may add and remove members (admins, owners)
     * @param canManageAccounts the caller may register and edit accounts (admins, owners)
     */
    public record TeamSummary(UUID id, String name, String displayName, String description, boolean provider,
                              long memberCount, long accountCount, MembershipRole myRole, boolean canManage,
                              boolean canManageMembers, boolean canManageAccounts, long version) {
    }

    /**
     * A team in the Teams list.
     *
     * @param myRole the caller's role in it, or null
     */
    public record TeamRow(UUID id, String name, String displayName, boolean provider, MembershipRole myRole) {
    }

    /**
     * A member of a team.
     *
     * @param ssoGroup the identity provider's group that grants this membership at every sign-in (single sign-on
     *                 manages it; the Teams page does not change it); null for memberships added by hand
     */
    public record Member(UUID membershipId, UUID userId, String username, String displayName, MembershipRole role,
                         long version, String ssoGroup) {

        public boolean fromSingleSignOn() {
            return ssoGroup != null;
        }
    }
}
