package dev.linkport.catalog.jobs;

import dev.linkport.audit.service.AuditLog;
import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.EndpointConnection;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.aws.UnsuccessfulItem;
import dev.linkport.catalog.ListingState;
import dev.linkport.catalog.domain.ListingAudit;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.identity.service.AccountDirectory;
import dev.linkport.platform.events.Changed.Topic;
import dev.linkport.platform.events.Changed;
import dev.linkport.worker.AwsJob;
import dev.linkport.worker.JobKind;
import dev.linkport.worker.JobRuntime;
import dev.linkport.worker.RetryRule;
import dev.linkport.worker.Step;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * RetireService: deletes the endpoint service configuration of a RETIRING listing once no
 * connection is live, then marks it RETIRED. While connections are live it re-checks later (an
 * endpoint may have connected after the owners retired it). Forced (by an admin,
 * {@link ForceRetireServiceJob}), it rejects the remaining connections first. Deleting an already
 * deleted service is harmless, so re-runs are safe.
 */
@Component
class RetireServiceJob extends AwsJob<RetireServiceJob.Work, RetireServiceJob.Outcome> {

    private static final Logger log = LoggerFactory.getLogger(RetireServiceJob.class);

    record Work(String name, AwsTarget provider, String serviceId) {
    }

    /** What AWS did: still connected (unforced), not deleted yet, or deleted (or there was nothing to delete). */
    enum Outcome { STILL_CONNECTED, NOT_DELETED_YET, DELETED }

    private final boolean force;
    private final ServiceListingRepository listings;
    private final AccountDirectory accounts;
    private final PrivateLinkGateway gateway;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Autowired
    RetireServiceJob(JobRuntime runtime, ServiceListingRepository listings, AccountDirectory accounts,
                     PrivateLinkGateway gateway, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this(CatalogJobs.RETIRE_SERVICE, false, runtime, listings, accounts, gateway, audit, events, clock);
    }

    RetireServiceJob(JobKind kind, boolean force, JobRuntime runtime, ServiceListingRepository listings,
                     AccountDirectory accounts, PrivateLinkGateway gateway, AuditLog audit,
                     ApplicationEventPublisher events, Clock clock) {
        super(kind, runtime);
        this.force = force;
        this.listings = listings;
        this.accounts = accounts;
        this.gateway = gateway;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    protected Work load(UUID listingId) {
        return listings.findById(listingId)
                .filter(l -> l.getState() == ListingState.RETIRING)
                .map(l -> new Work(l.getName(), l.getAwsServiceId() == null ? null
                        : accounts.get(l.getProviderAccountId()).target(l.getRegion(), null), l.getAwsServiceId()))
                .orElse(null);
    }

    @Override
    protected Outcome call(Work work, int attempt) {
        if (work.serviceId() == null) {
            return Outcome.DELETED; // never reached AWS
        }
        List<String> live = gateway.describeEndpointConnections(work.provider(), work.serviceId()).stream()
                .filter(EndpointConnection::live).map(EndpointConnection::endpointId).toList();
        if (!live.isEmpty() && !force) {
            log.info("Retiring {}: {} still connected, checking again later", work.name(), live);
            return Outcome.STILL_CONNECTED;
        }
        if (!live.isEmpty()) {
            gateway.rejectEndpointConnections(work.provider(), work.serviceId(), live);
        }
        List<UnsuccessfulItem> refused = gateway.deleteEndpointServices(work.provider(), List.of(work.serviceId()));
        if (!refused.isEmpty() && !notFound(refused)) {
            log.info("Retiring {}: AWS did not delete it yet ({}), trying again later", work.name(), refused);
            return Outcome.NOT_DELETED_YET;
        }
        return Outcome.DELETED;
    }

    @Override
    protected Step record(UUID listingId, Work work, Outcome outcome, int attempt) {
        return switch (outcome) {
            // one describe per service every 15 s at most
            case STILL_CONNECTED -> Step.again(RetryRule.poll(attempt));
            case NOT_DELETED_YET -> Step.again(RetryRule.fullJitter(attempt, Duration.ofSeconds(2), Duration.ofMinutes(5))
                    .plusSeconds(1));
            case DELETED -> {
                listings.findById(listingId).filter(l -> l.getState() == ListingState.RETIRING).ifPresent(l -> {
                    l.problem(null, clock.instant());
                    l.setState(ListingState.RETIRED, clock.instant());
                    audit.recordSystem(ListingAudit.entry("SERVICE_RETIRED", l).change("RETIRING", "RETIRED"
                            + (work.serviceId() == null ? "" : ", " + work.serviceId() + " deleted")));
                    events.publishEvent(new Changed(Topic.SERVICE_LISTING, listingId));
                });
                yield Step.DONE;
            }
        };
    }

    @Override
    protected void failed(UUID listingId, Work work, AwsGatewayException e) {
        listings.findById(listingId).ifPresent(l -> {
            l.problem("AWS refused to delete the endpoint service: " + e.getMessage(), clock.instant());
            audit.recordSystem(ListingAudit.entry("SERVICE_RETIRE_FAILED", l).because(e.getMessage()));
            events.publishEvent(new Changed(Topic.SERVICE_LISTING, listingId));
        });
    }

    private static boolean notFound(List<UnsuccessfulItem> refused) {
        return refused.stream().allMatch(i -> i.errorCode() != null && i.errorCode().contains("NotFound"));
    }
}
