package dev.linkport.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A URL that receives a team's notifications, signed with its own secret. */
@Entity
@Table(name = "team_webhook")
public class TeamWebhook {

    @Id
    private UUID id;

    @Column(name = "team_id", nullable = false)
    private UUID teamId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String url;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private WebhookFormat format;

    @Column(nullable = false)
    private String secret;

    @Column(name = "created_by", nullable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TeamWebhook() {
    }

    public TeamWebhook(UUID teamId, String name, String url, WebhookFormat format, String secret, UUID createdBy,
                       Instant now) {
        this.id = UUID.randomUUID();
        this.teamId = teamId;
        this.name = name;
        this.url = url;
        this.format = format;
        this.secret = secret;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public UUID getId() { return id; }
    public UUID getTeamId() { return teamId; }
    public String getName() { return name; }
    public String getUrl() { return url; }
    public WebhookFormat getFormat() { return format; }
    public String getSecret() { return secret; }
    public UUID getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
}
