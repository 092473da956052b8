package dev.linkport.catalog.service;

import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.identity.service.Caller;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Who may change a service's approval policy, in one place for the service, the settings page and the API.
 * Whoever manages the service may keep or raise it ({@code AUTO} → {@code PROVIDER} → {@code ADMIN});
 * lowering it needs an owner of the service's team or a platform admin, and lowering it from {@code ADMIN}
 * a platform admin: an admin-decided service was made so by someone an owner cannot overrule.
 */
public final class ApprovalPolicyChanges {

    private ApprovalPolicyChanges() {
    }

    /**
     * Why the caller may not move the policy of a service owned by the team from {@code from} to {@code to},
     * or {@code null} when they may. The caller is assumed to manage the service (member or admin).
     */
    public static String refusal(Caller caller, UUID ownerTeamId, String ownerTeamName, ApprovalPolicy from,
                                 ApprovalPolicy to) {
        if (to == null || from == null || !to.weakerThan(from) || caller.admin()) {
            return null;
        }
        if (from == ApprovalPolicy.ADMIN) {
            return "Only a platform admin may lower the approval policy from ADMIN (to " + to + ")";
        }
        if (!caller.isOwnerOf(ownerTeamId)) {
            return "Only an owner of " + ownerTeamName + " or a platform admin may lower the approval policy from "
                    + from + " to " + to;
        }
        return null;
    }

    /** The policies the caller may choose for a service whose policy is {@code current} now. */
    public static Set<ApprovalPolicy> choices(Caller caller, UUID ownerTeamId, ApprovalPolicy current) {
        Set<ApprovalPolicy> choices = EnumSet.noneOf(ApprovalPolicy.class);
        for (ApprovalPolicy p : ApprovalPolicy.values()) {
            if (refusal(caller, ownerTeamId, "", current, p) == null) {
                choices.add(p);
            }
        }
        return choices;
    }
}
