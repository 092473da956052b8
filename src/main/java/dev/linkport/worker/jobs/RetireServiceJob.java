package dev.linkport.worker.jobs;

import dev.linkport.audit.service.AuditEntry;
import dev.linkport.audit.service.AuditLog;
import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.EndpointConnection;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.aws.UnsuccessfulItem;
import dev.linkport.catalog.domain.ListingState;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.identity.service.AwsTargets;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.jobs.JobKind;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * RetireService: deletes the endpoint service configuration of a RETIRING listing once no
 * connection is live, then marks it RETIRED. While connections are live it re-checks later (an
 * endpoint may have connected after the owners retired it). Forced (by an admin), it rejects the
 * remaining connections first. Deleting an already deleted service is harmless, so re-runs are safe.
 */
class RetireServiceJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(RetireServiceJob.class);

    static final Set<String> LIVE = Set.of("pendingAcceptance", "pending", "available");

    private record Work(String name, AwsTarget provider, String serviceId) {
    }

    private final boolean force;
    private final ServiceListingRepository listings;
    private final PrivateLinkGateway gateway;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    RetireServiceJob(boolean force, ServiceListingRepository listings, PrivateLinkGateway gateway, AuditLog audit,
                     ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.force = force;
        this.listings = listings;
        this.gateway = gateway;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public JobKind kind() {
        return force ? JobKind.FORCE_RETIRE_SERVICE : JobKind.RETIRE_SERVICE;
    }

    @Override
    public Step run(UUID listingId, int attempt) {
        Work work = tx.execute(status -> listings.findById(listingId)
                .filter(l -> l.getState() == ListingState.RETIRING)
                .map(l -> new Work(l.getName(), l.getAwsServiceId() == null ? null
                        : AwsTargets.of(l.getProviderAccount(), l.getRegion(), null), l.getAwsServiceId()))
                .orElse(null));
        if (work == null) {
            return Step.DONE;
        }
        if (work.serviceId() != null) {
            try {
                List<String> live = gateway.describeEndpointConnections(work.provider(), work.serviceId()).stream()
                        .filter(c -> LIVE.contains(c.state())).map(EndpointConnection::endpointId).toList();
                if (!live.isEmpty() && !force) {
                    log.info("Retiring {}: {} still connected, checking again later", work.name(), live);
                    return Step.again(Backoff.poll(attempt)); // one describe per service every 15 s at most

                }
                if (!live.isEmpty()) {
                    gateway.rejectEndpointConnections(work.provider(), work.serviceId(), live);
                }
                List<UnsuccessfulItem> refused = gateway.deleteEndpointServices(work.provider(),
                        List.of(work.serviceId()));
                if (!refused.isEmpty() && !notFound(refused)) {
                    log.info("Retiring {}: AWS did not delete it yet ({}), trying again later", work.name(), refused);
                    return Step.again(Backoff.fullJitter(attempt, Duration.ofSeconds(2), Duration.ofMinutes(5))
                            .plusSeconds(1));
                }
            } catch (AwsGatewayException e) {
                if (Backoff.retries(e, attempt)) {
                    log.info("Retiring {} hit an AWS error, retrying: {}", work.name(), e.getMessage());
                    return Step.again(Backoff.fullJitter(attempt, Duration.ofSeconds(1), Duration.ofMinutes(5)));
                }
                tx.executeWithoutResult(status -> listings.findById(listingId).ifPresent(l -> {
                    l.problem("AWS refused to delete the endpoint service: " + e.getMessage(), clock.instant());
                    audit.recordSystem(AuditEntry.of("SERVICE_RETIRE_FAILED", "SERVICE", l.getId(), l.getName(),
                            l.getOwnerTeam().getId()).because(e.getMessage()));
                    events.publishEvent(new Changed(Changed.SERVICE_LISTING, listingId));
                }));
                return Step.DONE;
            }
        }
        tx.executeWithoutResult(status -> listings.findById(listingId)
                .filter(l -> l.getState() == ListingState.RETIRING)
                .ifPresent(l -> {
                    l.problem(null, clock.instant());
                    l.setState(ListingState.RETIRED, clock.instant());
                    audit.recordSystem(AuditEntry.of("SERVICE_RETIRED", "SERVICE", l.getId(), l.getName(),
                            l.getOwnerTeam().getId()).change("RETIRING", "RETIRED"
                            + (work.serviceId() == null ? "" : ", " + work.serviceId() + " deleted")));
                    events.publishEvent(new Changed(Changed.SERVICE_LISTING, listingId));
                }));
        return Step.DONE;
    }

    private static boolean notFound(List<UnsuccessfulItem> refused) {
        return refused.stream().allMatch(i -> i.errorCode() != null && i.errorCode().contains("NotFound"));
    }
}
