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
 * change of an endpoint is open ({@link ChangeState#open()}) at a time. When the service asks for it, a change first
 * waits for approval ({@link ChangeState#AWAITING_APPROVAL}) and is then approved (applied) or rejected.
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

    @Column(name = "decided_by_id")
    private UUID decidedById;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_reason")
    private String decisionReason;

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

    /** A change that waits for approval before the worker applies it ({@code awaitsApproval}), or is applied at once. */
    public EndpointChange(UUID requestId, UUID requestedById, String requestedBy, Collection<String> subnetIds,
                          Collection<String> securityGroupIds, Boolean privateDnsEnabled, String summary,
                          Instant now, boolean awaitsApproval) {
        this(requestId, requestedById, requestedBy, subnetIds, securityGroupIds, privateDnsEnabled, summary, now);
        if (awaitsApproval) {
            this.state = ChangeState.AWAITING_APPROVAL;
        }
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
    public UUID getDecidedById() { return decidedById; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getDecisionReason() { return decisionReason; }

    /** Approved by someone who decides the service's requests: the worker applies it now. */
    public void approved(UUID deciderId, String decider, String reason, Instant now) {
        decided(deciderId, decider, reason, now);
        this.state = ChangeState.APPLYING;
    }

    /** Rejected by someone who decides the service's requests, for the reason given: nothing changes in AWS. */
    public void rejected(UUID deciderId, String decider, String reason, Instant now) {
        decided(deciderId, decider, reason, now);
        this.state = ChangeState.REJECTED;
        this.outcome = reason;
        this.finishedAt = now;
    }

    private void decided(UUID deciderId, String decider, String reason, Instant now) {
        if (state != ChangeState.AWAITING_APPROVAL) {
            throw new IllegalStateException("Change " + id + " does not wait for a decision; it is " + state);
        }
        this.decidedById = deciderId;
        this.decidedBy = decider;
        this.decidedAt = now;
        this.decisionReason = reason;
    }

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
