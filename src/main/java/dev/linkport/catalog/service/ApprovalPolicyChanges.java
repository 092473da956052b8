package dev.linkport.catalog.service;

import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.ChangeApproval;
import dev.linkport.catalog.PrincipalMode;
import dev.linkport.identity.service.Caller;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Who may change a service's approval policy, in one place for the service, the settings page and the API.
 * Whoever manages the service may keep or raise it ({@code AUTO} → {@code PROVIDER} → {@code ADMIN});
 * lowering it needs an owner of the service's team or a platform admin, and lowering it from {@code ADMIN}
 * a platform admin: an admin-decided service was made so by someone an owner cannot overrule. Widening what
 * approval allows in AWS ({@code ROLE} → {@code ACCOUNT}: one role → the whole account) weakens a service the
 * same way and needs an owner or an admin too, and so does letting endpoint changes through without approval
 * ({@code SAME_AS_REQUESTS} → {@code NONE}); for a service decided by admins, a platform admin.
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

    /**
     * Why the caller may not move what approval allows in AWS for a service owned by the team from {@code from} to
     * {@code to}, or {@code null} when they may: narrowing (account → role) is anyone's who manages the service,
     * widening (role → account) an owner's or an admin's.
     */
    public static String principalModeRefusal(Caller caller, UUID ownerTeamId, String ownerTeamName,
                                              PrincipalMode from, PrincipalMode to) {
        if (to == null || from == null || to == from || to != PrincipalMode.ACCOUNT || caller.admin()
                || caller.isOwnerOf(ownerTeamId)) {
            return null;
        }
        return "Only an owner of " + ownerTeamName + " or a platform admin may widen what approval allows from one "
                + "role to the consumer's whole account";
    }

    /** The principal modes the caller may choose for a service whose mode is {@code current} now. */
    public static Set<PrincipalMode> principalModeChoices(Caller caller, UUID ownerTeamId, PrincipalMode current) {
        Set<PrincipalMode> choices = EnumSet.noneOf(PrincipalMode.class);
        for (PrincipalMode m : PrincipalMode.values()) {
            if (principalModeRefusal(caller, ownerTeamId, "", current, m) == null) {
                choices.add(m);
            }
        }
        return choices;
    }

    /**
     * Why the caller may not move whether endpoint changes of a service owned by the team need approval from
     * {@code from} to {@code to}, or {@code null} when they may: raising is anyone's who manages the service,
     * lowering an owner's or an admin's, and for a service whose requests admins decide ({@code policy} ADMIN)
     * an admin's.
     */
    public static String changeApprovalRefusal(Caller caller, UUID ownerTeamId, String ownerTeamName,
                                               ApprovalPolicy policy, ChangeApproval from, ChangeApproval to) {
        if (to == null || from == null || !to.weakerThan(from) || caller.admin()) {
            return null;
        }
        if (policy == ApprovalPolicy.ADMIN) {
            return "Only a platform admin may let endpoint changes of a service decided by admins through without "
                    + "approval";
        }
        if (!caller.isOwnerOf(ownerTeamId)) {
            return "Only an owner of " + ownerTeamName + " or a platform admin may let endpoint changes through "
                    + "without approval";
        }
        return null;
    }

    /** The change approval settings the caller may choose for a service with the policy whose setting is {@code current}. */
    public static Set<ChangeApproval> changeApprovalChoices(Caller caller, UUID ownerTeamId, ApprovalPolicy policy,
                                                            ChangeApproval current) {
        Set<ChangeApproval> choices = EnumSet.noneOf(ChangeApproval.class);
        for (ChangeApproval c : ChangeApproval.values()) {
            if (changeApprovalRefusal(caller, ownerTeamId, "", policy, current, c) == null) {
                choices.add(c);
            }
        }
        return choices;
    }
}
