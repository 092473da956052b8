package dev.linkport.worker.jobs;

import dev.linkport.audit.service.AuditEntry;
import dev.linkport.audit.service.AuditLog;
import dev.linkport.aws.AvailabilityZone;
import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.EndpointService;
import dev.linkport.aws.EndpointServiceRequest;
import dev.linkport.aws.PrivateDnsConfiguration;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.domain.ListingState;
import dev.linkport.catalog.domain.ServiceListing;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.identity.service.AwsTargets;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.jobs.JobKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PublishService: creates the endpoint service configuration (ClientToken = listing id, so a
 * re-run gets the same service back) and stores its identity; the listing becomes AVAILABLE, or
 * FAILED with AWS's message.
 */
@Component
class PublishServiceJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(PublishServiceJob.class);

    private record Work(AwsTarget provider, EndpointServiceRequest request) {
    }

    private final ServiceListingRepository listings;
    private final PrivateLinkGateway gateway;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final JobFailures failures;
    private final Clock clock;

    PublishServiceJob(ServiceListingRepository listings, PrivateLinkGateway gateway, AuditLog audit,
                      ApplicationEventPublisher events, TransactionTemplate tx, Clock clock,
            JobFailures failures) {
        this.failures = failures;
        this.listings = listings;
        this.gateway = gateway;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public JobKind kind() {
        return JobKind.PUBLISH_SERVICE;
    }

    @Override
    public Step run(UUID listingId, int attempt) {
        Work work = tx.execute(status -> listings.findById(listingId)
                .filter(l -> l.getState() == ListingState.PUBLISHING)
                .map(l -> new Work(AwsTargets.of(l.getProviderAccount(), l.getRegion(), null),
                        new EndpointServiceRequest(new ArrayList<>(l.getLoadBalancerArns()), l.isAcceptanceRequired(),
                                l.getPrivateDnsName(), l.getSupportedRegions(), Set.of(), l.getId().toString())))
                .orElse(null));
        if (work == null) {
            return Step.DONE;
        }
        EndpointService service;
        try {
            service = gateway.createEndpointService(work.provider(), work.request());
        } catch (AwsGatewayException e) {
            boolean again = Backoff.retries(e, attempt);
            failures.failed(kind(), listingId, e, attempt, !again);
            if (again) {
                log.info("Publishing {} hit a transient AWS error, retrying: {}", listingId, e.getMessage());
                return Backoff.retryLater(attempt);
            }
            fail(listingId, e);
            return Step.DONE;
        }
        tx.executeWithoutResult(status -> {
            ServiceListing listing = listings.findById(listingId).orElseThrow();
            PrivateDnsConfiguration dns = service.privateDnsConfiguration().orElse(null);
            Set<String> zoneIds = service.availabilityZones().stream().map(AvailabilityZone::id)
                    .collect(Collectors.toSet());
            listing.published(service.serviceId(), service.serviceName(), zoneIds,
                    dns == null ? null : dns.verificationState(), dns == null ? null : dns.txtRecordName(),
                    dns == null ? null : dns.txtRecordValue(),
                    clock.instant());
            audit.recordSystem(AuditEntry.of("SERVICE_AVAILABLE", "SERVICE", listing.getId(), listing.getName(),
                    listing.getOwnerTeam().getId()).change("PUBLISHING", "AVAILABLE " + service.serviceName()));
            events.publishEvent(new Changed(Changed.SERVICE_LISTING, listingId));
        });
        return Step.DONE;
    }

    private void fail(UUID listingId, AwsGatewayException e) {
        tx.executeWithoutResult(status -> listings.findById(listingId).ifPresent(listing -> {
            String reason = "AWS refused to create the endpoint service: " + e.getMessage();
            listing.failed(reason, clock.instant());
            audit.recordSystem(AuditEntry.of("SERVICE_FAILED", "SERVICE", listing.getId(), listing.getName(),
                    listing.getOwnerTeam().getId()).change("PUBLISHING", "FAILED").because(reason));
            events.publishEvent(new Changed(Changed.SERVICE_LISTING, listingId));
        }));
    }
}
