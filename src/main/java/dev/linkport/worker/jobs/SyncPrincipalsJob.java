package dev.linkport.worker.jobs;

import dev.linkport.audit.service.AuditEntry;
import dev.linkport.audit.service.AuditLog;
import dev.linkport.aws.AllowedPrincipal;
import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.domain.ServiceListing;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.identity.service.AwsTargets;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.jobs.JobKind;
import dev.linkport.provider.domain.AllowedPrincipal.SyncState;
import dev.linkport.provider.domain.AllowedPrincipalRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SyncPrincipals (DESIGN.md §5), per listing: reads the principals AWS allows, compares them with
 * what Linkport wants (PENDING_ADD → add, PENDING_REMOVE → remove, then forget the row), applies
 * each change with its own ModifyVpcEndpointServicePermissions call so that one refused principal
 * does not hold up the others, and stores the outcome: IN_SYNC, or FAILED with AWS's message.
 * Principals AWS allows that Linkport does not know are recorded as OBSERVED drift; managed ones
 * AWS no longer holds become DRIFTED. Reading first makes every run safe to repeat.
 */
@Component
class SyncPrincipalsJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(SyncPrincipalsJob.class);

    private record Work(AwsTarget provider, String serviceId, Set<String> toAdd, Set<String> toRemove) {
    }

    private final ServiceListingRepository listings;
    private final AllowedPrincipalRepository principals;
    private final PrivateLinkGateway gateway;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    SyncPrincipalsJob(ServiceListingRepository listings, AllowedPrincipalRepository principals,
                      PrivateLinkGateway gateway, AuditLog audit, ApplicationEventPublisher events,
                      TransactionTemplate tx, Clock clock) {
        this.listings = listings;
        this.principals = principals;
        this.gateway = gateway;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public JobKind kind() {
        return JobKind.SYNC_PRINCIPALS;
    }

    @Override
    public Step run(UUID listingId, int attempt) {
        Work work = tx.execute(status -> start(listingId));
        if (work == null) {
            return Step.DONE;
        }
        Set<String> held;
        Map<String, String> failures = new HashMap<>();
        try {
            held = gateway.describeServicePermissions(work.provider(), work.serviceId()).stream()
                    .map(AllowedPrincipal::principal).collect(Collectors.toCollection(LinkedHashSet::new));
            for (String arn : work.toAdd()) {
                if (!held.contains(arn)) {
                    apply(work, Set.of(arn), Set.of(), failures, arn);
                    if (!failures.containsKey(arn)) {
                        held.add(arn);
                    }
                }
            }
            for (String arn : work.toRemove()) {
                if (held.contains(arn)) {
                    apply(work, Set.of(), Set.of(arn), failures, arn);
                    if (!failures.containsKey(arn)) {
                        held.remove(arn);
                    }
                }
            }
        } catch (AwsGatewayException e) {
            if (e.isTransient() && attempt + 1 < Backoff.MAX_ATTEMPTS) {
                log.info("Syncing principals of {} hit a transient AWS error, retrying: {}", listingId, e.getMessage());
                return Step.again(Backoff.fullJitter(attempt, Duration.ofSeconds(1), Duration.ofSeconds(60)));
            }
            Set<String> all = new LinkedHashSet<>(work.toAdd());
            all.addAll(work.toRemove());
            all.forEach(arn -> failures.putIfAbsent(arn, e.getMessage()));
            tx.executeWithoutResult(status -> recordFailuresOnly(listingId, failures));
            return Step.DONE;
        }
        boolean more = Boolean.TRUE.equals(tx.execute(status -> finish(listingId, work, held, failures)));
        // Someone changed a principal while this run talked to AWS: the job was still scheduled, so
        // their request to run it again was a no-op. Run again to apply it.
        return more ? Step.again(Duration.ofMillis(200)) : Step.DONE;
    }

    private void apply(Work work, Set<String> add, Set<String> remove, Map<String, String> failures, String arn) {
        try {
            gateway.modifyServicePermissions(work.provider(), work.serviceId(), add, remove);
        } catch (AwsGatewayException e) {
            if (e.isTransient()) {
                throw e;
            }
            failures.put(arn, e.getMessage());
        }
    }

    private Work start(UUID listingId) {
        ServiceListing listing = listings.findById(listingId).orElse(null);
        if (listing == null || listing.getAwsServiceId() == null) {
            return null;
        }
        Set<String> add = new LinkedHashSet<>();
        Set<String> remove = new LinkedHashSet<>();
        for (var p : principals.findByListingIdOrderByArn(listingId)) {
            if (p.getSyncState() == SyncState.PENDING_ADD) {
                add.add(p.getArn());
            } else if (p.getSyncState() == SyncState.PENDING_REMOVE) {
                remove.add(p.getArn());
            }
        }
        return new Work(AwsTargets.of(listing.getProviderAccount(), listing.getRegion(), null),
                listing.getAwsServiceId(), add, remove);
    }

    /** Stores what AWS holds now; true if new changes arrived meanwhile. */
    private boolean finish(UUID listingId, Work work, Set<String> held, Map<String, String> failures) {
        ServiceListing listing = listings.findById(listingId).orElseThrow();
        var now = clock.instant();
        boolean more = false;
        Set<String> known = new LinkedHashSet<>();
        for (var p : principals.findByListingIdOrderByArn(listingId)) {
            String arn = p.getArn();
            known.add(arn);
            boolean attempted = work.toAdd().contains(arn) || work.toRemove().contains(arn);
            String failure = failures.get(arn);
            switch (p.getSyncState()) {
                case PENDING_ADD -> {
                    if (!attempted) {
                        more = true;
                    } else if (failure != null) {
                        failed(listing, p, "add", failure, now);
                    } else if (held.contains(arn)) {
                        p.synced(now);
                    }
                }
                case PENDING_REMOVE -> {
                    if (!attempted) {
                        more = true;
                    } else if (failure != null) {
                        failed(listing, p, "remove", failure, now);
                    } else if (!held.contains(arn)) {
                        principals.delete(p);
                    }
                }
                case IN_SYNC -> {
                    if (!held.contains(arn) && !held.contains("*")) {
                        p.drifted("AWS no longer allows this principal: it was removed outside Linkport", now);
                    }
                }
                case DRIFTED -> {
                    if (held.contains(arn) && p.getSource() != dev.linkport.provider.domain.AllowedPrincipal.Source.OBSERVED) {
                        p.synced(now);
                    } else if (!held.contains(arn) && p.getSource() == dev.linkport.provider.domain.AllowedPrincipal.Source.OBSERVED) {
                        principals.delete(p); // gone from AWS again
                    }
                }
                case FAILED -> {
                    // waits for someone to add or remove it again
                }
            }
        }
        for (String arn : held) {
            if (!known.contains(arn)) {
                principals.save(dev.linkport.provider.domain.AllowedPrincipal.observed(listingId, arn, now));
                audit.recordSystem(AuditEntry.of("PRINCIPAL_DRIFT", "SERVICE", listingId, listing.getName(),
                        listing.getOwnerTeam().getId()).change(null, arn)
                        .because("AWS allows a principal that was not added through Linkport"));
            }
        }
        events.publishEvent(new Changed(Changed.SERVICE_LISTING, listingId));
        return more;
    }

    private void failed(ServiceListing listing, dev.linkport.provider.domain.AllowedPrincipal p, String what,
                        String error, java.time.Instant now) {
        p.failed(error, now);
        audit.recordSystem(AuditEntry.of("PRINCIPAL_SYNC_FAILED", "SERVICE", listing.getId(), listing.getName(),
                listing.getOwnerTeam().getId()).change(null, what + " " + p.getArn()).because(error));
    }

    private void recordFailuresOnly(UUID listingId, Map<String, String> failures) {
        ServiceListing listing = listings.findById(listingId).orElseThrow();
        var now = clock.instant();
        for (var p : principals.findByListingIdOrderByArn(listingId)) {
            String failure = failures.get(p.getArn());
            if (failure != null && (p.getSyncState() == SyncState.PENDING_ADD
                    || p.getSyncState() == SyncState.PENDING_REMOVE)) {
                failed(listing, p, p.getSyncState() == SyncState.PENDING_ADD ? "add" : "remove", failure, now);
            }
        }
        events.publishEvent(new Changed(Changed.SERVICE_LISTING, listingId));
    }
}
