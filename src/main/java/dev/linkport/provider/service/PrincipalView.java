package dev.linkport.provider.service;

import java.time.Instant;
import java.util.UUID;

/**
 * An allowed principal of a service as the provider console shows it.
 *
 * @param source    MANUAL (added by hand), APPROVAL (added when a request was approved), OBSERVED (seen in AWS)
 * @param syncState PENDING_ADD, IN_SYNC, PENDING_REMOVE, FAILED or DRIFTED
 * @param lastError AWS's message when syncing failed, or why the principal counts as drift
 */
public record PrincipalView(UUID id, String arn, String source, String syncState, String lastError,
                            Instant createdAt, Instant updatedAt) {

    /** Who the principal lets in, in words. */
    public String describe() {
        if ("*".equals(arn)) {
            return "Anyone in any AWS account";
        }
        String[] parts = arn.split(":", 6);
        if (parts.length < 6) {
            return arn;
        }
        String rest = parts[5];
        if (rest.equals("root")) {
            return "Account " + parts[4];
        }
        int slash = rest.indexOf('/');
        return (rest.startsWith("role/") ? "Role " : "User ") + rest.substring(slash + 1) + " in " + parts[4];
    }
}
