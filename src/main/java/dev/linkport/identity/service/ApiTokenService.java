package dev.linkport.identity.service;

import dev.linkport.audit.service.AuditEntry;
import dev.linkport.audit.service.AuditLog;
import dev.linkport.identity.ApiScope;
import dev.linkport.identity.domain.ApiToken;
import dev.linkport.identity.domain.ApiTokenRepository;
import dev.linkport.identity.domain.TokenUse;
import dev.linkport.platform.FieldError;
import dev.linkport.platform.TextRules;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for the REST API: shown once, stored hashed, revocable, expiring. A token's secret is {@value #SECRET_PREFIX}
 * followed by 32 random bytes in URL-safe Base64; it is returned once, by {@link #create}, and
 * only its SHA-256 hash is stored. Each user sees and revokes only their own tokens. A token
 * carries {@link ApiScope}s, which only narrow what its user may do, and expires
 * ({@code linkport.api.token-lifetime}, 90 days by default, or sooner if its creator chose so).
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

    /**
     * A token as its owner sees it; the secret is never part of it.
     *
     * @param expired it expired before the moment this row was read
     */
    public record ApiTokenRow(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
                               Instant revokedAt, Set<ApiScope> scopes, Instant expiresAt, boolean expired) {
        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /**
     * What to create.
     *
     * @param scopes   what the token may be used for; at least one
     * @param lifetime how long it works; null for the longest allowed ({@code linkport.api.token-lifetime})
     */
    public record NewApiToken(String name, Set<ApiScope> scopes, Duration lifetime) {
    }

    /** The user and the scopes of an accepted bearer token. */
    public record TokenAuthentication(LinkportPrincipal principal, Set<ApiScope> scopes, Instant expiresAt) {
    }

    /** A new token and its secret, which is not stored and cannot be shown again. */
    public record CreatedApiToken(ApiTokenRow token, String secret) {
    }

    private final ApiTokenRepository tokens;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;
    private final ApiTokenProperties properties;
    private final SecureRandom random = new SecureRandom();

    public ApiTokenService(ApiTokenRepository tokens, AccessPolicy access, AuditLog audit, Clock clock,
                           ApiTokenProperties properties) {
        this.tokens = tokens;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
    }

    /** The longest a token may live, and the lifetime of tokens created without one. */
    public Duration maxLifetime() {
        return properties.tokenLifetime();
    }

    /**
     * Creates a token for the caller with every scope and the longest lifetime; the returned secret
     * is the only copy there will ever be.
     */
    public CreatedApiToken create(String name) {
        return create(new NewApiToken(name, ApiScope.all(), null));
    }

    /**
     * Creates a token for the caller with the scopes and lifetime asked for (at most
     * {@link #maxLifetime()}); the returned secret is the only copy there will ever be.
     */
    public CreatedApiToken create(NewApiToken command) {
        Caller caller = access.caller();
        String trimmed = command.name() == null ? "" : command.name().trim();
        List<FieldError> errors = new ArrayList<>();
        if (trimmed.isEmpty()) {
            errors.add(new FieldError("name", "Name the token after where you use it, e.g. ci-pipeline"));
        } else if (trimmed.length() > MAX_NAME_LENGTH) {
            errors.add(new FieldError("name", "At most " + MAX_NAME_LENGTH + " characters"));
        } else if (!TextRules.isOneLine(trimmed)) {
            errors.add(new FieldError("name", TextRules.ONE_LINE_MESSAGE));
        }
        if (command.scopes() == null || command.scopes().isEmpty()) {
            errors.add(new FieldError("scopes", "Choose at least one scope, e.g. read"));
        }
        Duration lifetime = command.lifetime() == null ? maxLifetime() : command.lifetime();
        if (lifetime.isNegative() || lifetime.isZero()) {
            errors.add(new FieldError("lifetime", "A token must live for some time"));
        } else if (lifetime.compareTo(maxLifetime()) > 0) {
            errors.add(new FieldError("lifetime", "At most " + maxLifetime().toDays() + " days"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = clock.instant();
        if (tokens.countActive(caller.userId(), now) >= MAX_ACTIVE_TOKENS) {
            throw InvalidInputException.of("name", "You already have " + MAX_ACTIVE_TOKENS
                    + " active tokens; revoke some you no longer use first");
        }
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = new ApiToken(caller.userId(), trimmed, hash(secret), secret.substring(0, SHOWN_PREFIX_LENGTH),
                command.scopes(), now, now.plus(lifetime));
        tokens.save(token);
        audit.record(AuditEntry.of("API_TOKEN_CREATED", "API_TOKEN", token.getId(), trimmed, null)
                .change(null, token.getTokenPrefix() + "… scopes " + ApiScope.join(command.scopes()) + ", expires "
                        + token.getExpiresAt()));
        return new CreatedApiToken(view(token), secret);
    }

    /** The caller's tokens, newest first, revoked ones included. */
    @Transactional(readOnly = true)
    public List<ApiTokenRow> mine() {
        Caller caller = access.caller();
        return tokens.findByUserIdOrderByCreatedAtDesc(caller.userId()).stream().map(this::view).toList();
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
     * The user and scopes a bearer secret stands for, if it is a known, unrevoked token of an
     * enabled user. Notes the use (at most once a minute per token). Called before anyone is signed in.
     *
     * @throws ApiTokenExpiredException when the token is known but expired
     */
    public Optional<TokenAuthentication> authenticate(String secret) {
        if (secret == null || secret.length() != SECRET_LENGTH || !secret.startsWith(SECRET_PREFIX)) {
            return Optional.empty();
        }
        Optional<TokenUse> found = tokens.findUsable(hash(secret));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        TokenUse use = found.get();
        Instant now = clock.instant();
        if (!now.isBefore(use.expiresAt())) {
            throw new ApiTokenExpiredException(use.expiresAt());
        }
        Instant notBefore = now.minus(USE_RESOLUTION);
        if (use.lastUsedAt() == null || use.lastUsedAt().isBefore(notBefore)) {
            tokens.markUsed(use.tokenId(), now, notBefore);
        }
        return Optional.of(new TokenAuthentication(new LinkportPrincipal(use.userId(), use.username(),
                use.displayName(), null, use.platformAdmin(), true), ApiScope.split(use.scopes()), use.expiresAt()));
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

    private ApiTokenRow view(ApiToken t) {
        return new ApiTokenRow(t.getId(), t.getName(), t.getTokenPrefix(), t.getCreatedAt(), t.getLastUsedAt(),
                t.getRevokedAt(), t.getScopes(), t.getExpiresAt(), !clock.instant().isBefore(t.getExpiresAt()));
    }
}
