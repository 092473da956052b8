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

/** A principal allowed to connect to a service, with where it came from and whether AWS has it. */
@Entity
@Table(name = "allowed_principal")
public class AllowedPrincipal {

    public enum Source { MANUAL, APPROVAL, OBSERVED }

    public enum SyncState { PENDING_ADD, IN_SYNC, PENDING_REMOVE, FAILED, DRIFTED }

    @Id
    private UUID id;

    @Column(name = "listing_id", nullable = false)
    private UUID listingId;

    @Column(nullable = false)
    private String arn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Source source;

    @Enumerated(EnumType.STRING)
    @Column(name = "sync_state", nullable = false)
    private SyncState syncState;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private Long version;

    protected AllowedPrincipal() {
    }

    public AllowedPrincipal(UUID listingId, String arn, Source source, Instant now) {
        this.id = UUID.randomUUID();
        this.listingId = listingId;
        this.arn = arn;
        this.source = source;
        this.syncState = SyncState.PENDING_ADD;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** AWS holds the principal now. */
    public void synced(Instant now) {
        this.syncState = SyncState.IN_SYNC;
        this.lastError = null;
        this.updatedAt = now;
    }

    public UUID getId() { return id; }
    public UUID getListingId() { return listingId; }
    public String getArn() { return arn; }
    public Source getSource() { return source; }
    public SyncState getSyncState() { return syncState; }
    public String getLastError() { return lastError; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Long getVersion() { return version; }
}
