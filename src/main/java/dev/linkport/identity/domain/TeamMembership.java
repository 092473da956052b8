package dev.linkport.identity.domain;

import dev.linkport.identity.MembershipRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A user's membership in a team. */
@Entity
@Table(name = "team_membership")
public class TeamMembership {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id")
    private Team team;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private AppUser user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MembershipRole role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private Long version;

    protected TeamMembership() {
    }

    public TeamMembership(Team team, AppUser user, MembershipRole role, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.team = team;
        this.user = user;
        this.role = role;
        this.createdAt = createdAt;
    }

    public UUID getId() { return id; }
    public Team getTeam() { return team; }
    public AppUser getUser() { return user; }
    public MembershipRole getRole() { return role; }
    public Instant getCreatedAt() { return createdAt; }
    public Long getVersion() { return version; }

    public void setRole(MembershipRole role) { this.role = role; }
}
