package dev.linkport.identity.service;

import dev.linkport.audit.service.AuditEntry;
import dev.linkport.audit.service.AuditLog;
import dev.linkport.identity.domain.ApiToken;
import dev.linkport.identity.domain.ApiTokenRepository;
import dev.linkport.identity.domain.TokenUse;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.security.LinkportPrincipal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for the REST API: shown once, stored hashed, revocable, expiring. A token's secret is {@value #SECRET_PREFIX}
 * followed by 32 random bytes in URL-safe Base64; it is returned once, by {@link #create}, and
 * only its SHA-256 hash is stored. Each user sees and revokes only their own tokens.
 */
@Service
@Transactional
public class ApiTokenService {

    public static final String SECRET_PREFIX = "lp_";
    /** Characters of the secret kept in clear, so its owner can recognise it (e.g. {@code lp_Ab3x9QzK}). */
    static final int SHOWN_PREFIX_LENGTH = SECRET_PREFIX.length() + 8;
    static final int MAX_ACTIVE_TOKENS = 50;
    static final int MAX_NAME_LENGTH = 80;
    /** last_used_at is written at most this often per token. */
    static final Duration USE_RESOLUTION = Duration.ofMinutes(1);
    private static final int SECRET_BYTES = 32;
    private static final int SECRET_LENGTH = SECRET_PREFIX.length() + 43; // 32 bytes → 43 Base64 characters

    /** A token as its owner sees it; the secret is never part of it. */
    public record ApiTokenRow(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
                               Instant revokedAt) {
        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** A new token and its secret, which is not stored and cannot be shown again. */
    public record CreatedApiToken(ApiTokenRow token, String secret) {
    }

    private final ApiTokenRepository tokens;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokenService(ApiTokenRepository tokens, AccessPolicy access, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a token for the caller; the returned secret is the only copy there will ever be. */
    public CreatedApiToken create(String name) {
        Caller caller = access.caller();
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw InvalidInputException.of("name", "Name the token after where you use it, e.g. ci-pipeline");
        }
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw InvalidInputException.of("name", "At most " + MAX_NAME_LENGTH + " characters");
        }
        if (tokens.countActive(caller.userId()) >= MAX_ACTIVE_TOKENS) {
            throw InvalidInputException.of("name", "You already have " + MAX_ACTIVE_TOKENS
                    + " active tokens; revoke some you no longer use first");
        }
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = new ApiToken(caller.userId(), trimmed, hash(secret), secret.substring(0, SHOWN_PREFIX_LENGTH),
                clock.instant());
        tokens.save(token);
        audit.record(AuditEntry.of("API_TOKEN_CREATED", "API_TOKEN", token.getId(), trimmed, null)
                .change(null, token.getTokenPrefix() + "…"));
        return new CreatedApiToken(view(token), secret);
    }

    /** The caller's tokens, newest first, revoked ones included. */
    @Transactional(readOnly = true)
    public List<ApiTokenRow> mine() {
        Caller caller = access.caller();
        return tokens.findByUserIdOrderByCreatedAtDesc(caller.userId()).stream().map(ApiTokenService::view).toList();
    }

    /** Revokes one of the caller's tokens; revoking a revoked token changes nothing. */
    public ApiTokenRow revoke(UUID id) {
        Caller caller = access.caller();
        ApiToken token = tokens.findById(id).filter(t -> t.getUserId().equals(caller.userId()))
                .orElseThrow(() -> new NotFoundException("You have no API token with that id"));
        if (!token.isRevoked()) {
            token.revoke(clock.instant());
            audit.record(AuditEntry.of("API_TOKEN_REVOKED", "API_TOKEN", token.getId(), token.getName(), null)
                    .change("active", "revoked"));
        }
        return view(token);
    }

    /**
     * The user a bearer secret belongs to, if it is a known, unrevoked token of an enabled user.
     * Notes the use (at most once a minute per token). Called before anyone is signed in.
     */
    public Optional<LinkportPrincipal> authenticate(String secret) {
        if (secret == null || secret.length() != SECRET_LENGTH || !secret.startsWith(SECRET_PREFIX)) {
            return Optional.empty();
        }
        Optional<TokenUse> found = tokens.findUsable(hash(secret));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        TokenUse use = found.get();
        Instant now = clock.instant();
        Instant notBefore = now.minus(USE_RESOLUTION);
        if (use.lastUsedAt() == null || use.lastUsedAt().isBefore(notBefore)) {
            tokens.markUsed(use.tokenId(), now, notBefore);
        }
        return Optional.of(new LinkportPrincipal(use.userId(), use.username(), use.displayName(), null,
                use.platformAdmin(), true));
    }

    /** SHA-256 of the secret in lower-case hex, as stored in {@code api_token.token_hash}. */
    static String hash(String secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static ApiTokenRow view(ApiToken t) {
        return new ApiTokenRow(t.getId(), t.getName(), t.getTokenPrefix(), t.getCreatedAt(), t.getLastUsedAt(),
                t.getRevokedAt());
    }
}
