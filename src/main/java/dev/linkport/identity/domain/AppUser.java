package dev.linkport.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A person who signs in to Linkport. */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    private String email;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "platform_admin", nullable = false)
    private boolean platformAdmin;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The OpenID Connect issuer of a user created by single sign-on; null for local users. */
    @Column(name = "oidc_issuer")
    private String oidcIssuer;

    /** The user's subject at {@link #oidcIssuer}; null for local users. */
    @Column(name = "oidc_subject")
    private String oidcSubject;

    @Version
    private Long version;

    protected AppUser() {
    }

    public AppUser(String username, String displayName, String email, String passwordHash, boolean platformAdmin,
                   Instant createdAt) {
        this.id = UUID.randomUUID();
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.platformAdmin = platformAdmin;
        this.createdAt = createdAt;
    }

    /** A user created by a single sign-on: no password, known by the provider's issuer and subject. */
    public static AppUser fromSingleSignOn(String username, String displayName, String email, String issuer,
                                           String subject, Instant createdAt) {
        AppUser user = new AppUser(username, displayName, email, null, false, createdAt);
        user.oidcIssuer = issuer;
        user.oidcSubject = subject;
        return user;
    }

    public UUID getId() { return id; }
    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    public String getEmail() { return email; }
    public String getPasswordHash() { return passwordHash; }
    public boolean isPlatformAdmin() { return platformAdmin; }
    public boolean isEnabled() { return enabled; }
    public Instant getCreatedAt() { return createdAt; }
    public Long getVersion() { return version; }
    public String getOidcIssuer() { return oidcIssuer; }
    public String getOidcSubject() { return oidcSubject; }
    /** Signs in through single sign-on only. */
    public boolean isSingleSignOn() { return oidcSubject != null; }

    public void setPlatformAdmin(boolean platformAdmin) { this.platformAdmin = platformAdmin; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public void setEmail(String email) { this.email = email; }
}
