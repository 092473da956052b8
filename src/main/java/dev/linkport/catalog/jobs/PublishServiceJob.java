package dev.linkport.catalog.jobs;

import dev.linkport.audit.service.AuditLog;
import dev.linkport.aws.AvailabilityZone;
import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.EndpointService;
import dev.linkport.aws.EndpointServiceRequest;
import dev.linkport.aws.PrivateDnsConfiguration;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.ListingState;
import dev.linkport.catalog.domain.ListingAudit;
import dev.linkport.catalog.domain.ServiceListing;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.catalog.service.ListingService;
import dev.linkport.identity.service.AccountDirectory;
import dev.linkport.platform.events.Changed.Topic;
import dev.linkport.platform.events.Changed;
import dev.linkport.worker.AwsJob;
import dev.linkport.worker.JobRuntime;
import dev.linkport.worker.Step;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * PublishService: creates the endpoint service configuration (ClientToken = listing id, so a
 * re-run gets the same service back) and stores its identity; the listing becomes AVAILABLE, or
 * FAILED with AWS's message.
 */
@Component
class PublishServiceJob extends AwsJob<PublishServiceJob.Work, EndpointService> {

    record Work(AwsTarget provider, EndpointServiceRequest request) {
    }

    private final ServiceListingRepository listings;
    private final AccountDirectory accounts;
    private final PrivateLinkGateway gateway;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<ListingService> listingService;
    private final Clock clock;

    PublishServiceJob(JobRuntime runtime, ServiceListingRepository listings, AccountDirectory accounts,
                      PrivateLinkGateway gateway, AuditLog audit, ApplicationEventPublisher events,
                      ObjectProvider<ListingService> listingService, Clock clock) {
        super(CatalogJobs.PUBLISH_SERVICE, runtime);
        this.listings = listings;
        this.accounts = accounts;
        this.gateway = gateway;
        this.audit = audit;
        this.events = events;
        this.listingService = listingService;
        this.clock = clock;
    }

    @Override
    protected Work load(UUID listingId) {
        return listings.findById(listingId)
                .filter(l -> l.getState() == ListingState.PUBLISHING)
                .map(l -> new Work(accounts.get(l.getProviderAccountId()).target(l.getRegion(), null),
                        new EndpointServiceRequest(new ArrayList<>(l.getLoadBalancerArns()), l.isAcceptanceRequired(),
                                l.getPrivateDnsName(), l.getSupportedRegions(), Set.of(), l.getId().toString())))
                .orElse(null);
    }

    @Override
    protected EndpointService call(Work work, int attempt) {
        return gateway.createEndpointService(work.provider(), work.request());
    }

    @Override
    protected Step record(UUID listingId, Work work, EndpointService service, int attempt) {
        ServiceListing listing = listings.findById(listingId).orElseThrow();
        PrivateDnsConfiguration dns = service.privateDnsConfiguration().orElse(null);
        Set<String> zoneIds = service.availabilityZones().stream().map(AvailabilityZone::id).collect(Collectors.toSet());
        listing.published(service.serviceId(), service.serviceName(), zoneIds,
                dns == null ? null : dns.verificationState(), dns == null ? null : dns.txtRecordName(),
                dns == null ? null : dns.txtRecordValue(), clock.instant());
        audit.recordSystem(ListingAudit.entry("SERVICE_AVAILABLE", listing).change("PUBLISHING", "AVAILABLE " + service.serviceName()));
        events.publishEvent(new Changed(Topic.SERVICE_LISTING, listingId));
        return Step.DONE;
    }

    @Override
    protected void failed(UUID listingId, Work work, AwsGatewayException e) {
        listings.findById(listingId).ifPresent(listing -> {
            String reason = "AWS refused to create the endpoint service: " + e.getMessage();
            listing.failed(reason, clock.instant());
            audit.recordSystem(ListingAudit.entry("SERVICE_FAILED", listing).change("PUBLISHING", "FAILED").because(reason));
            events.publishEvent(new Changed(Topic.SERVICE_LISTING, listingId));
        });
    }

    /** Publishing again goes through the service, which moves the listing back to PUBLISHING. */
    @Override
    public void retryByHand(UUID listingId) {
        listingService.getObject().retryPublish(listingId);
    }

}
