package dev.linkport.identity.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ApiTokenRepository extends JpaRepository<ApiToken, UUID> {

    /**
     * The token with this hash if it is unrevoked and its user enabled, in one query (every API call
     * asks); expired tokens too, so that the caller can be told why it is refused.
     */
    @Query("""
            select new dev.linkport.identity.domain.TokenUse(t.id, t.lastUsedAt, u.id, u.username, u.displayName,
                                                             u.platformAdmin, t.scopes, t.expiresAt)
            from ApiToken t join AppUser u on u.id = t.userId
            where t.tokenHash = ?1 and t.revokedAt is null and u.enabled = true""")
    Optional<TokenUse> findUsable(String tokenHash);

    List<ApiToken> findByUserIdOrderByCreatedAtDesc(UUID userId);

    /** The user's tokens that still work at {@code now}: neither revoked nor expired. */
    @Query("select count(t) from ApiToken t where t.userId = ?1 and t.revokedAt is null and t.expiresAt > ?2")
    long countActive(UUID userId, Instant now);

    /** Revokes every active token of the user (when the user is disabled); how many were active. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update ApiToken t set t.revokedAt = ?2, t.version = t.version + 1 where t.userId = ?1 and t.revokedAt is null")
    int revokeAllOf(UUID userId, Instant now);

    /**
     * Notes a use of the token unless one was noted since {@code notBefore}: at most one write a
     * minute per token however often it is used. Leaves the version alone, so a revocation in
     * progress does not fail on it.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update ApiToken t set t.lastUsedAt = ?2 where t.id = ?1 and (t.lastUsedAt is null or t.lastUsedAt < ?3)")
    int markUsed(UUID id, Instant now, Instant notBefore);
}
