package dev.linkport.provider.jobs;

import dev.linkport.audit.service.AuditLog;
import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.PermittedPrincipal;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.catalog.service.ListingRef;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.Changed.Topic;
import dev.linkport.provider.PrincipalSource;
import dev.linkport.provider.PrincipalSyncState;
import dev.linkport.provider.domain.AllowedPrincipal;
import dev.linkport.provider.domain.AllowedPrincipalRepository;
import dev.linkport.provider.domain.ServiceAudit;
import dev.linkport.provider.service.AddPrincipal;
import dev.linkport.worker.AwsJob;
import dev.linkport.worker.JobProgress;
import dev.linkport.worker.JobRuntime;
import dev.linkport.worker.Step;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * SyncPrincipals, per listing: reads the principals AWS allows, compares them with what Linkport
 * wants (PENDING_ADD → add, PENDING_REMOVE → remove, then forget the row), applies each change with
 * its own ModifyVpcEndpointServicePermissions call so that one refused principal does not hold up
 * the others, and stores the outcome: IN_SYNC, or FAILED with AWS's message. Principals AWS allows
 * that Linkport does not know are recorded as OBSERVED drift; managed ones AWS no longer holds
 * become DRIFTED. Reading first makes every run safe to repeat.
 */
@Component
class SyncPrincipalsJob extends AwsJob<SyncPrincipalsJob.Work, SyncPrincipalsJob.Outcome> {

    record Work(ListingRef listing, AwsTarget provider, Set<String> toAdd, Set<String> toRemove) {
    }

    /** What AWS holds after the run, and the principals AWS refused to change, with its message. */
    record Outcome(Set<String> held, Map<String, String> refused) {
    }

    private final ListingDirectory listings;
    private final AllowedPrincipalRepository principals;
    private final PrivateLinkGateway gateway;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SyncPrincipalsJob(JobRuntime runtime, ListingDirectory listings, AllowedPrincipalRepository principals,
                      PrivateLinkGateway gateway, AuditLog audit,
                      ApplicationEventPublisher events, Clock clock) {
        super(ProviderJobs.SYNC_PRINCIPALS, runtime);
        this.listings = listings;
        this.principals = principals;
        this.gateway = gateway;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    protected Work load(UUID listingId) {
        ListingRef listing = listings.get(listingId);
        if (listing.awsServiceId() == null) {
            return null;
        }
        Set<String> add = new LinkedHashSet<>();
        Set<String> remove = new LinkedHashSet<>();
        for (AllowedPrincipal p : principals.findByListingIdOrderByArn(listingId)) {
            if (p.getSyncState() == PrincipalSyncState.PENDING_ADD) {
                add.add(p.getArn());
            } else if (p.getSyncState() == PrincipalSyncState.PENDING_REMOVE) {
                remove.add(p.getArn());
            }
        }
        return new Work(listing, listings.providerTarget(listing, null), add, remove);
    }

    /**
     * Whether a principal waits to be added or removed. A run also compares what AWS holds when nothing waits
     * (someone asked to sync), but only waiting changes keep the job's queue going.
     */
    @Override
    protected boolean hasWork(UUID listingId) {
        return principals.existsByListingIdAndSyncStateIn(listingId,
                Set.of(PrincipalSyncState.PENDING_ADD, PrincipalSyncState.PENDING_REMOVE));
    }

    @Override
    protected Outcome call(Work work, JobProgress progress) {
        String serviceId = work.listing().awsServiceId();
        Set<String> held = gateway.describeServicePermissions(work.provider(), serviceId).stream()
                .map(PermittedPrincipal::principal).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, String> refused = new HashMap<>();
        for (String arn : work.toAdd()) {
            if (!held.contains(arn) && apply(work, Set.of(arn), Set.of(), refused, arn)) {
                held.add(arn);
            }
        }
        for (String arn : work.toRemove()) {
            if (held.contains(arn) && apply(work, Set.of(), Set.of(arn), refused, arn)) {
                held.remove(arn);
            }
        }
        return new Outcome(held, refused);
    }

    /** Applies one change; a permanent refusal is noted for that principal, a transient error ends the run. */
    private boolean apply(Work work, Set<String> add, Set<String> remove, Map<String, String> refused, String arn) {
        try {
            gateway.modifyServicePermissions(work.provider(), work.listing().awsServiceId(), add, remove);
            return true;
        } catch (AwsGatewayException e) {
            if (e.isTransient()) {
                throw e;
            }
            refused.put(arn, e.getMessage());
            return false;
        }
    }

    /** Stores what AWS holds now, and runs again if someone changed a principal while this run talked to AWS. */
    @Override
    protected Step record(UUID listingId, Work work, Outcome outcome, JobProgress progress) {
        Instant now = clock.instant();
        boolean more = false;
        Set<String> known = new LinkedHashSet<>();
        for (AllowedPrincipal p : principals.findByListingIdOrderByArn(listingId)) {
            String arn = p.getArn();
            known.add(arn);
            boolean attempted = work.toAdd().contains(arn) || work.toRemove().contains(arn);
            String failure = outcome.refused().get(arn);
            boolean held = outcome.held().contains(arn);
            switch (p.getSyncState()) {
                case PENDING_ADD -> {
                    if (!attempted) {
                        more = true;
                    } else if (failure != null) {
                        failed(work.listing(), p, "add", failure, now);
                    } else if (held) {
                        p.synced(now);
                    }
                }
                case PENDING_REMOVE -> {
                    if (!attempted) {
                        more = true;
                    } else if (failure != null) {
                        failed(work.listing(), p, "remove", failure, now);
                    } else if (!held) {
                        principals.delete(p);
                    }
                }
                case IN_SYNC -> {
                    if (!held && work.toRemove().contains(arn)) {
                        // wanted again (a new request needs it) while this run removed it: add it back
                        p.wanted(p.getSource(), now);
                        more = true;
                    } else if (!held && !outcome.held().contains(AddPrincipal.WILDCARD)) {
                        p.drifted("AWS no longer allows this principal: it was removed outside Linkport", now);
                    }
                }
                case DRIFTED -> {
                    if (held && p.getSource() != PrincipalSource.OBSERVED) {
                        p.synced(now);
                    } else if (!held && p.getSource() == PrincipalSource.OBSERVED) {
                        principals.delete(p); // gone from AWS again
                    }
                }
                case FAILED -> {
                    // waits for someone to add or remove it again
                }
            }
        }
        for (String arn : outcome.held()) {
            if (!known.contains(arn)) {
                principals.save(AllowedPrincipal.observed(listingId, arn, now));
                audit.recordSystem(ServiceAudit.entry("PRINCIPAL_DRIFT", work.listing()).change(null, arn)
                        .because("AWS allows a principal that was not added through Linkport"));
            }
        }
        events.publishEvent(new Changed(Topic.SERVICE_LISTING, listingId));
        // Someone changed a principal while this run talked to AWS: the job was still scheduled, so
        // their request to run it again was a no-op. Run again to apply it.
        return more ? Step.later(Duration.ofMillis(200)) : Step.DONE;
    }

    /** AWS refused for good: every change this run wanted is marked FAILED with AWS's message. */
    @Override
    protected void failed(UUID listingId, Work work, String why) {
        Instant now = clock.instant();
        for (AllowedPrincipal p : principals.findByListingIdOrderByArn(listingId)) {
            boolean wanted = work.toAdd().contains(p.getArn()) || work.toRemove().contains(p.getArn());
            if (wanted && (p.getSyncState() == PrincipalSyncState.PENDING_ADD
                    || p.getSyncState() == PrincipalSyncState.PENDING_REMOVE)) {
                failed(work.listing(), p, p.getSyncState() == PrincipalSyncState.PENDING_ADD ? "add" : "remove",
                        why, now);
            }
        }
        events.publishEvent(new Changed(Topic.SERVICE_LISTING, listingId));
    }

    private void failed(ListingRef listing, AllowedPrincipal p, String what, String error, Instant now) {
        p.failed(error, now);
        audit.recordSystem(ServiceAudit.entry("PRINCIPAL_SYNC_FAILED", listing).change(null, what + " " + p.getArn()).because(error));
    }

}
