package dev.linkport.identity.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An unrevoked API token of an enabled user, as authenticating a request needs it.
 *
 * @param scopes the token's scopes, as stored ({@code ApiScope.join})
 */
public record TokenUse(UUID tokenId, Instant lastUsedAt, UUID userId, String username, String displayName,
                       boolean platformAdmin, String scopes, Instant expiresAt) {
}
