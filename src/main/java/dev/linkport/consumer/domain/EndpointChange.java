package dev.linkport.consumer.domain;

import dev.linkport.consumer.ChangeState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A change a consumer asked for to an available endpoint (ModifyVpcEndpoint): the subnets, security groups and
 * private DNS setting it should have afterwards ({@code null}: keep what it has). Applied by the worker; at most one
 * change of an endpoint is {@link ChangeState#APPLYING} at a time.
 */
@Entity
@Table(name = "endpoint_change")
public class EndpointChange {

    @Id
    private UUID id;

    @Column(name = "request_id", nullable = false)
    private UUID requestId;

    @Column(name = "requested_by_id")
    private UUID requestedById;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(name = "subnet_ids")
    private String subnetIds;

    @Column(name = "security_group_ids")
    private String securityGroupIds;

    @Column(name = "private_dns_enabled")
    private Boolean privateDnsEnabled;

    @Column(nullable = false)
    private String summary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ChangeState state;

    private String outcome;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Version
    private Long version;

    protected EndpointChange() {
    }

    public EndpointChange(UUID requestId, UUID requestedById, String requestedBy, Collection<String> subnetIds,
                          Collection<String> securityGroupIds, Boolean privateDnsEnabled, String summary,
                          Instant now) {
        this.id = UUID.randomUUID();
        this.requestId = requestId;
        this.requestedById = requestedById;
        this.requestedBy = requestedBy;
        this.subnetIds = join(subnetIds);
        this.securityGroupIds = join(securityGroupIds);
        this.privateDnsEnabled = privateDnsEnabled;
        this.summary = summary;
        this.state = ChangeState.APPLYING;
        this.createdAt = now;
    }

    public UUID getId() { return id; }
    public UUID getRequestId() { return requestId; }
    public UUID getRequestedById() { return requestedById; }
    public String getRequestedBy() { return requestedBy; }
    /** The subnets wanted, or {@code null} to keep the endpoint's. */
    public List<String> getSubnetIds() { return split(subnetIds); }
    /** The security groups wanted, or {@code null} to keep the endpoint's. */
    public List<String> getSecurityGroupIds() { return split(securityGroupIds); }
    /** The private DNS setting wanted, or {@code null} to keep the endpoint's. */
    public Boolean getPrivateDnsEnabled() { return privateDnsEnabled; }
    public String getSummary() { return summary; }
    public ChangeState getState() { return state; }
    public String getOutcome() { return outcome; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getFinishedAt() { return finishedAt; }

    /** AWS holds what was wanted. */
    public void done(String outcome, Instant now) {
        finish(ChangeState.DONE, outcome, now);
    }

    /** AWS refused, or the endpoint went away. */
    public void failed(String why, Instant now) {
        finish(ChangeState.FAILED, why, now);
    }

    private void finish(ChangeState status, String outcome, Instant now) {
        if (state != ChangeState.APPLYING) {
            throw new IllegalStateException("Change " + id + " already ended " + state);
        }
        this.state = status;
        this.outcome = outcome;
        this.finishedAt = now;
    }

    private static String join(Collection<String> ids) {
        return ids == null ? null : String.join(",", ids);
    }

    private static List<String> split(String ids) {
        return ids == null ? null : ids.isEmpty() ? List.of() : Arrays.asList(ids.split(","));
    }
}
