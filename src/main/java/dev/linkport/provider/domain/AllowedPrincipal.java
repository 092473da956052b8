package dev.linkport.provider.domain;

import dev.linkport.provider.PrincipalSource;
import dev.linkport.provider.PrincipalSyncState;
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

    @Id
    private UUID id;

    @Column(name = "listing_id", nullable = false)
    private UUID listingId;

    @Column(nullable = false)
    private String arn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PrincipalSource source;

    @Enumerated(EnumType.STRING)
    @Column(name = "sync_state", nullable = false)
    private PrincipalSyncState syncState;

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

    public AllowedPrincipal(UUID listingId, String arn, PrincipalSource source, Instant now) {
        this.id = UUID.randomUUID();
        this.listingId = listingId;
        this.arn = arn;
        this.source = source;
        this.syncState = PrincipalSyncState.PENDING_ADD;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** AWS holds the principal now. */
    public void synced(Instant now) {
        this.syncState = PrincipalSyncState.IN_SYNC;
        this.lastError = null;
        this.updatedAt = now;
    }

    /** A principal AWS holds that Linkport did not put there: shown as drift until someone decides. */
    public static AllowedPrincipal observed(UUID listingId, String arn, Instant now) {
        AllowedPrincipal p = new AllowedPrincipal(listingId, arn, PrincipalSource.OBSERVED, now);
        p.syncState = PrincipalSyncState.DRIFTED;
        p.lastError = "AWS allows this principal, but it was not added through Linkport";
        return p;
    }

    /**
     * Someone wants AWS to hold the principal (again); a principal seen only in AWS becomes theirs, and one that
     * the owners add by hand becomes theirs too (it then stays when the endpoints approved through it go).
     */
    public void wanted(PrincipalSource by, Instant now) {
        if (source == PrincipalSource.OBSERVED || by == PrincipalSource.MANUAL) {
            source = by;
        }
        this.syncState = PrincipalSyncState.PENDING_ADD;
        this.lastError = null;
        this.updatedAt = now;
    }

    /**
     * The service's owners add by hand a principal Linkport had added for approvals: it becomes theirs, so it
     * stays when the last endpoint that needed it goes.
     */
    public void adoptedByHand(Instant now) {
        this.source = PrincipalSource.MANUAL;
        this.updatedAt = now;
    }

    /** Someone wants AWS to stop allowing the principal; the row goes once AWS no longer holds it. */
    public void unwanted(Instant now) {
        this.syncState = PrincipalSyncState.PENDING_REMOVE;
        this.lastError = null;
        this.updatedAt = now;
    }

    /** Applying the change failed permanently; {@code error} is AWS's message. */
    public void failed(String error, Instant now) {
        this.syncState = PrincipalSyncState.FAILED;
        this.lastError = error;
        this.updatedAt = now;
    }

    /** AWS and Linkport disagree about this principal for a reason nobody in Linkport caused. */
    public void drifted(String why, Instant now) {
        this.syncState = PrincipalSyncState.DRIFTED;
        this.lastError = why;
        this.updatedAt = now;
    }

    public UUID getId() { return id; }
    public UUID getListingId() { return listingId; }
    public String getArn() { return arn; }
    public PrincipalSource getSource() { return source; }
    public PrincipalSyncState getSyncState() { return syncState; }
    public String getLastError() { return lastError; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Long getVersion() { return version; }
}
