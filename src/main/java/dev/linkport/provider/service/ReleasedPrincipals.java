package dev.linkport.provider.service;

import dev.linkport.audit.service.AuditLog;
import dev.linkport.catalog.ListingState;
import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.catalog.service.ListingRef;
import dev.linkport.consumer.RequestMoved;
import dev.linkport.consumer.service.ServiceRequests;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.Changed.Topic;
import dev.linkport.provider.PrincipalSource;
import dev.linkport.provider.PrincipalSyncState;
import dev.linkport.provider.domain.AllowedPrincipal;
import dev.linkport.provider.domain.AllowedPrincipalRepository;
import dev.linkport.provider.domain.ServiceAudit;
import dev.linkport.provider.jobs.ProviderJobs;
import dev.linkport.worker.Jobs;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Least privilege: when a request ends (its endpoint deleted, or the request cancelled) and no other request to the
 * service still needs the principal provisioning allowed for it, a principal that Linkport added for approvals is
 * removed again — marked for removal here, taken out of AWS by SyncPrincipals (read first, retried, within the
 * account's budget) — and the removal is audited. Principals added by hand, or seen only in AWS, stay.
 *
 * <p>Runs after the request's move has committed, from the event publication registry, so a crash in between
 * delays the removal but does not lose it; running it twice finds the principal already marked, or gone.
 */
@Component
class ReleasedPrincipals {

    /** States of an approval's principal that AWS holds, or may hold, and Linkport should take back. */
    private static final Set<PrincipalSyncState> RELEASABLE = EnumSet.of(PrincipalSyncState.IN_SYNC,
            PrincipalSyncState.DRIFTED, PrincipalSyncState.FAILED);

    private final ServiceRequests requests;
    private final AllowedPrincipalRepository principals;
    private final ListingDirectory listings;
    private final AuditLog audit;
    private final Jobs jobs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReleasedPrincipals(ServiceRequests requests, AllowedPrincipalRepository principals, ListingDirectory listings,
                       AuditLog audit, Jobs jobs, ApplicationEventPublisher events, Clock clock) {
        this.requests = requests;
        this.principals = principals;
        this.listings = listings;
        this.audit = audit;
        this.jobs = jobs;
        this.events = events;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void requestEnded(RequestMoved moved) {
        if (moved.to() == null || !moved.to().terminal()) {
            return;
        }
        requests.principalNoLongerNeeded(moved.requestId()).ifPresent(arn -> release(moved, arn));
    }

    private void release(RequestMoved moved, String arn) {
        AllowedPrincipal principal = principals.findByListingIdAndArn(moved.listingId(), arn).orElse(null);
        if (principal == null || principal.getSource() != PrincipalSource.APPROVAL
                || !RELEASABLE.contains(principal.getSyncState())) {
            return; // added by hand, seen only in AWS, already going, or wanted again meanwhile
        }
        ListingRef listing = listings.get(moved.listingId());
        String why = "The last endpoint that needed it is gone: request " + moved.requestId() + " ("
                + moved.consumerAccountId() + "/" + moved.vpcId() + ") is " + moved.to();
        boolean inAws = listing.awsServiceId() != null && listing.state() != ListingState.RETIRED
                && listing.state() != ListingState.RETIRING;
        if (inAws) {
            principal.unwanted(clock.instant());
            principals.flush();
            jobs.schedule(ProviderJobs.SYNC_PRINCIPALS, listing.id());
        } else {
            principals.delete(principal); // the endpoint service goes, and its permissions with it
        }
        audit.recordSystem(ServiceAudit.entry("PRINCIPAL_RELEASED", listing).change(arn, null).because(why));
        events.publishEvent(new Changed(Topic.SERVICE_LISTING, listing.id()));
    }
}
