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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MembershipSource source = MembershipSource.MANUAL;

    /** The identity provider's group that grants an {@link MembershipSource#SSO} membership. */
    @Column(name = "sso_group")
    private String ssoGroup;

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

    /** A membership granted by the identity provider's group at sign-in. */
    public static TeamMembership fromSingleSignOn(Team team, AppUser user, MembershipRole role, String group,
                                                  Instant createdAt) {
        TeamMembership m = new TeamMembership(team, user, role, createdAt);
        m.source = MembershipSource.SSO;
        m.ssoGroup = group;
        return m;
    }

    public UUID getId() { return id; }
    public Team getTeam() { return team; }
    public AppUser getUser() { return user; }
    public MembershipRole getRole() { return role; }
    public Instant getCreatedAt() { return createdAt; }
    public Long getVersion() { return version; }

    public MembershipSource getSource() { return source; }
    public String getSsoGroup() { return ssoGroup; }

    public void setRole(MembershipRole role) { this.role = role; }
    public void setSsoGroup(String ssoGroup) { this.ssoGroup = ssoGroup; }
}
