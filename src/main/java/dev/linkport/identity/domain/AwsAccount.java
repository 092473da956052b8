package dev.linkport.identity.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * An AWS account a team owns, and how Linkport gets into it: the IAM role it assumes, with the
 * ExternalId Linkport generated for this account.
 */
@Entity
@Table(name = "aws_account")
public class AwsAccount {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id")
    private Team team;

    /** The 12-digit AWS account id. */
    @Column(name = "account_id", nullable = false)
    private String accountId;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "role_arn", nullable = false)
    private String roleArn;

    @Column(name = "external_id", nullable = false)
    private String externalId;

    /**
     * Loaded when first read, for up to 64 accounts of a list in one query (the default batch fetch
     * size); read it inside the transaction that loaded the account.
     */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "aws_account_region", joinColumns = @JoinColumn(name = "aws_account_id"))
    @Column(name = "region", nullable = false)
    private Set<String> regions = new TreeSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private Long version;

    protected AwsAccount() {
    }

    public AwsAccount(Team team, String accountId, String displayName, String roleArn, String externalId,
                      Set<String> regions, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.team = team;
        this.accountId = accountId;
        this.displayName = displayName;
        this.roleArn = roleArn;
        this.externalId = externalId;
        this.regions = new TreeSet<>(regions);
        this.createdAt = createdAt;
    }

    public UUID getId() { return id; }
    public Team getTeam() { return team; }
    public String getAccountId() { return accountId; }
    public String getDisplayName() { return displayName; }
    public String getRoleArn() { return roleArn; }
    public String getExternalId() { return externalId; }
    public Set<String> getRegions() { return regions; }
    public Instant getCreatedAt() { return createdAt; }
    public Long getVersion() { return version; }

    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public void setRoleArn(String roleArn) { this.roleArn = roleArn; }

    public void setRegions(Set<String> regions) {
        this.regions.clear();
        this.regions.addAll(regions);
    }
}
