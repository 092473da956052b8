package dev.linkport.audit.service;

import java.util.UUID;

/**
 * What happened, to be written to the audit log by {@link AuditLog#record}.
 *
 * @param action      verb in upper snake case, e.g. {@code TEAM_CREATED}, {@code REQUEST_APPROVED}
 * @param targetType  kind of thing acted on, e.g. {@code TEAM}, {@code AWS_ACCOUNT}
 * @param targetId    its id
 * @param targetLabel a human-readable name for it
 * @param teamId      the team it belongs to, if any (for filtering)
 * @param before      the relevant state before, if any
 * @param after       the relevant state after, if any
 * @param reason      why, if a reason was given
 */
public record AuditEntry(String action, String targetType, String targetId, String targetLabel, UUID teamId,
                         String before, String after, String reason) {

    public static AuditEntry of(String action, String targetType, Object targetId, String targetLabel, UUID teamId) {
        return new AuditEntry(action, targetType, String.valueOf(targetId), targetLabel, teamId, null, null, null);
    }

    public AuditEntry change(String before, String after) {
        return new AuditEntry(action, targetType, targetId, targetLabel, teamId, before, after, reason);
    }

    public AuditEntry because(String why) {
        return new AuditEntry(action, targetType, targetId, targetLabel, teamId, before, after, why);
    }
}
