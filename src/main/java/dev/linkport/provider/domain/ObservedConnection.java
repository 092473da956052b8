package dev.linkport.provider.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A connection to a service as AWS last reported it; may have been made outside Linkport. */
@Entity
@Table(name = "observed_connection")
public class ObservedConnection {

    @Id
    private UUID id;

    @Column(name = "listing_id", nullable = false)
    private UUID listingId;

    @Column(name = "vpc_endpoint_id", nullable = false)
    private String vpcEndpointId;

    @Column(name = "owner_account_id", nullable = false)
    private String ownerAccountId;

    /** AWS's state string, e.g. {@code pendingAcceptance}, {@code available}. */
    @Column(nullable = false)
    private String state;

    @Column(name = "aws_created_at")
    private Instant awsCreatedAt;

    @Column(name = "request_id")
    private UUID requestId;

    @Column(name = "first_seen_at", nullable = false)
    private Instant firstSeenAt;

    /**
     * When Linkport last saw the connection change (its state); reconciliation does not rewrite a
     * connection that is as it was.
     */
    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    /** What the provider asked the worker to do with the connection, until it is done. */
    @Enumerated(EnumType.STRING)
    @Column(name = "requested_decision")
    private Decision requestedDecision;

    /** A provider's decision on a connection waiting for acceptance. */
    public enum Decision { ACCEPT, REJECT }

    @Version
    private Long version;

    protected ObservedConnection() {
    }

    public ObservedConnection(UUID listingId, String vpcEndpointId, String ownerAccountId, String state,
                              Instant awsCreatedAt, Instant now) {
        this.id = UUID.randomUUID();
        this.listingId = listingId;
        this.vpcEndpointId = vpcEndpointId;
        this.ownerAccountId = ownerAccountId;
        this.state = state;
        this.awsCreatedAt = awsCreatedAt;
        this.firstSeenAt = now;
        this.lastSeenAt = now;
    }

    public UUID getId() { return id; }
    public UUID getListingId() { return listingId; }
    public String getVpcEndpointId() { return vpcEndpointId; }
    public String getOwnerAccountId() { return ownerAccountId; }
    public String getState() { return state; }
    public Instant getAwsCreatedAt() { return awsCreatedAt; }
    public UUID getRequestId() { return requestId; }
    public Instant getFirstSeenAt() { return firstSeenAt; }
    public Instant getLastSeenAt() { return lastSeenAt; }
    public Long getVersion() { return version; }
    public Decision getRequestedDecision() { return requestedDecision; }

}
