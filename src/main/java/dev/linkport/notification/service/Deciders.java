package dev.linkport.notification.service;

import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ListingRef;
import dev.linkport.identity.service.TeamDirectory;
import dev.linkport.identity.service.UserDirectory;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Who is told that a request to a listing waits for a decision: the owning team's members and its webhooks under the
 * {@code PROVIDER} policy, the platform admins otherwise — never the requester (four eyes: nobody is asked to decide
 * their own request, even where a setting would let them). {@code people} may be changed by the caller.
 */
record Deciders(Set<UUID> people, Set<UUID> teams) {

    static Deciders of(ListingRef listing, UUID requesterId, TeamDirectory teams, UserDirectory users) {
        Deciders deciders = listing.approvalPolicy() == ApprovalPolicy.PROVIDER
                ? new Deciders(new HashSet<>(teams.memberIds(listing.ownerTeamId())), Set.of(listing.ownerTeamId()))
                : admins(users);
        deciders.people().remove(requesterId);
        return deciders;
    }

    /** The platform admins, as those a request is escalated to; never the requester. */
    static Deciders escalation(UUID requesterId, UserDirectory users) {
        Deciders admins = admins(users);
        admins.people().remove(requesterId);
        return admins;
    }

    private static Deciders admins(UserDirectory users) {
        return new Deciders(new HashSet<>(users.adminIds()), Set.of());
    }
}
