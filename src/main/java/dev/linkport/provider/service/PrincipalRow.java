package dev.linkport.provider.service;

import dev.linkport.provider.PrincipalSource;
import dev.linkport.provider.PrincipalSyncState;
import java.time.Instant;
import java.util.UUID;

/**
 * An allowed principal of a service as the provider console shows it.
 *
 * @param lastError AWS's message when syncing failed, or why the principal counts as drift
 */
public record PrincipalRow(UUID id, String arn, PrincipalSource source, PrincipalSyncState syncState, String lastError,
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
