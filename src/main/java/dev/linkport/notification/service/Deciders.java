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
 * {@code PROVIDER} policy, the platform admins otherwise. {@code people} may be changed by the caller.
 */
record Deciders(Set<UUID> people, Set<UUID> teams) {

    static Deciders of(ListingRef listing, TeamDirectory teams, UserDirectory users) {
        return listing.approvalPolicy() == ApprovalPolicy.PROVIDER
                ? new Deciders(new HashSet<>(teams.memberIds(listing.ownerTeamId())), Set.of(listing.ownerTeamId()))
                : new Deciders(new HashSet<>(users.adminIds()), Set.of());
    }
}
