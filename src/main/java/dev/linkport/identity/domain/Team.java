package dev.linkport.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A team: owns AWS accounts, provides and/or consumes services. */
@Entity
@Table(name = "team")
public class Team {

    @Id
    private UUID id;

    /** Short, unique, URL-safe name, e.g. {@code payments}. */
    @Column(nullable = false)
    private String name;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    private String description;

    /** Offers services to other teams; its members see the approval dashboard. */
    @Column(nullable = false)
    private boolean provider;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private Long version;

    protected Team() {
    }

    public Team(String name, String displayName, String description, boolean provider, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.displayName = displayName;
        this.description = description;
        this.provider = provider;
        this.createdAt = createdAt;
    }

    public UUID getId() { return id; }
    public String getName() { return name; }
    public String getDisplayName() { return displayName; }
    public String getDescription() { return description; }
    public boolean isProvider() { return provider; }
    public Instant getCreatedAt() { return createdAt; }
    public Long getVersion() { return version; }

    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public void setDescription(String description) { this.description = description; }
    public void setProvider(boolean provider) { this.provider = provider; }
}
