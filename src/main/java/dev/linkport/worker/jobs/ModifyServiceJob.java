package dev.linkport.worker.jobs;

import dev.linkport.audit.service.AuditEntry;
import dev.linkport.audit.service.AuditLog;
import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.EndpointService;
import dev.linkport.aws.EndpointServiceChanges;
import dev.linkport.aws.PrivateDnsConfiguration;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.domain.ListingState;
import dev.linkport.catalog.domain.ServiceListing;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.identity.service.AwsTargets;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.jobs.JobKind;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ModifyService: makes the endpoint service configuration match what the owners want (acceptance,
 * supported regions, private DNS name). Read-then-write: it describes the service, changes only
 * what differs, then stores what AWS reports about the private DNS name (new TXT record, state).
 * A re-run after a crash finds nothing left to change.
 */
@Component
class ModifyServiceJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(ModifyServiceJob.class);

    private record Wanted(AwsTarget provider, String serviceId, String homeRegion, boolean acceptanceRequired,
                          Set<String> supportedRegions, String privateDnsName) {
    }

    private final ServiceListingRepository listings;
    private final PrivateLinkGateway gateway;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    ModifyServiceJob(ServiceListingRepository listings, PrivateLinkGateway gateway, AuditLog audit,
                     ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.listings = listings;
        this.gateway = gateway;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public JobKind kind() {
        return JobKind.MODIFY_SERVICE;
    }

    @Override
    public Step run(UUID listingId, int attempt) {
        Wanted wanted = tx.execute(status -> listings.findById(listingId)
                .filter(l -> l.getState() == ListingState.AVAILABLE && l.getAwsServiceId() != null)
                .map(l -> new Wanted(AwsTargets.of(l.getProviderAccount(), l.getRegion(), null), l.getAwsServiceId(),
                        l.getRegion(), l.isAcceptanceRequired(), Set.copyOf(l.getSupportedRegions()),
                        l.getPrivateDnsName()))
                .orElse(null));
        if (wanted == null) {
            return Step.DONE;
        }
        EndpointService after;
        try {
            EndpointService before = gateway.describeEndpointService(wanted.provider(), wanted.serviceId())
                    .orElseThrow(() -> new IllegalStateException("AWS no longer knows " + wanted.serviceId()));
            EndpointServiceChanges changes = changes(wanted, before);
            if (!changes.isEmpty()) {
                gateway.modifyEndpointService(wanted.provider(), wanted.serviceId(), changes);
            }
            after = changes.isEmpty() ? before
                    : gateway.describeEndpointService(wanted.provider(), wanted.serviceId()).orElse(before);
        } catch (AwsGatewayException e) {
            if (Backoff.retries(e, attempt)) {
                log.info("Modifying {} hit a transient AWS error, retrying: {}", listingId, e.getMessage());
                return Backoff.retryLater(attempt);
            }
            record(listingId, "AWS refused to change the endpoint service: " + e.getMessage());
            return Step.DONE;
        } catch (IllegalStateException e) {
            record(listingId, e.getMessage());
            return Step.DONE;
        }
        tx.executeWithoutResult(status -> listings.findById(listingId).ifPresent(l -> {
            PrivateDnsConfiguration dns = after.privateDnsConfiguration().orElse(null);
            String name = dns == null ? null : dns.name();
            if (java.util.Objects.equals(name, l.getPrivateDnsName())) {
                l.privateDnsObserved(dns == null ? null : dns.verificationState(),
                        dns == null ? null : dns.txtRecordName(), dns == null ? null : dns.txtRecordValue(),
                        clock.instant());
            }
            l.problem(null, clock.instant());
            audit.recordSystem(AuditEntry.of("SERVICE_MODIFIED", "SERVICE", l.getId(), l.getName(),
                    l.getOwnerTeam().getId()).change(null, "AWS configuration matches Linkport"
                    + (dns == null ? "" : ", private DNS " + dns.name() + " " + dns.verificationState())));
            events.publishEvent(new Changed(Changed.SERVICE_LISTING, listingId));
        }));
        return Step.DONE;
    }

    static EndpointServiceChanges changes(Wanted wanted, EndpointService actual) {
        EndpointServiceChanges changes = EndpointServiceChanges.none();
        if (wanted.acceptanceRequired() != actual.acceptanceRequired()) {
            changes = changes.withAcceptanceRequired(wanted.acceptanceRequired());
        }
        Set<String> want = new HashSet<>(wanted.supportedRegions());
        want.remove(wanted.homeRegion());
        Set<String> have = new HashSet<>(actual.supportedRegions());
        have.remove(wanted.homeRegion());
        Set<String> add = new HashSet<>(want);
        add.removeAll(have);
        Set<String> remove = new HashSet<>(have);
        remove.removeAll(want);
        if (!add.isEmpty()) {
            changes = changes.addingSupportedRegions(add.toArray(String[]::new));
        }
        if (!remove.isEmpty()) {
            changes = changes.removingSupportedRegions(remove.toArray(String[]::new));
        }
        String actualName = actual.privateDnsConfiguration().map(PrivateDnsConfiguration::name).orElse(null);
        if (wanted.privateDnsName() != null && !wanted.privateDnsName().equals(actualName)) {
            changes = changes.withPrivateDnsName(wanted.privateDnsName());
        } else if (wanted.privateDnsName() == null && actualName != null) {
            changes = changes.withoutPrivateDnsName();
        }
        return changes;
    }

    private void record(UUID listingId, String reason) {
        tx.executeWithoutResult(status -> listings.findById(listingId).ifPresent(l -> {
            l.problem(reason, clock.instant());
            audit.recordSystem(AuditEntry.of("SERVICE_MODIFY_FAILED", "SERVICE", l.getId(), l.getName(),
                    l.getOwnerTeam().getId()).because(reason));
            events.publishEvent(new Changed(Changed.SERVICE_LISTING, listingId));
        }));
    }
}
