package dev.linkport.catalog.jobs;

import dev.linkport.aws.AvailabilityZone;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.EndpointService;
import dev.linkport.aws.EndpointServiceRequest;
import dev.linkport.aws.PrivateDnsConfiguration;
import dev.linkport.aws.ResourceTags;
import dev.linkport.catalog.ListingState;
import dev.linkport.catalog.domain.ServiceListing;
import dev.linkport.catalog.service.ListingService;
import dev.linkport.worker.JobProgress;
import dev.linkport.worker.Step;
import java.util.ArrayList;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * PublishService: creates the endpoint service configuration (ClientToken = listing id, so a
 * re-run gets the same service back; tagged with Linkport's tags, {@link ResourceTags}) and stores its
 * identity; the listing becomes AVAILABLE, or FAILED with AWS's message.
 */
@Component
class PublishServiceJob extends ListingJob<PublishServiceJob.Work, EndpointService> {

    record Work(AwsTarget provider, EndpointServiceRequest request) {
    }

    private final ObjectProvider<ListingService> listingService;
    private final ResourceTags tags;

    PublishServiceJob(Context context, ObjectProvider<ListingService> listingService, ResourceTags tags) {
        super(CatalogJobs.PUBLISH_SERVICE, context);
        this.listingService = listingService;
        this.tags = tags;
    }

    @Override
    protected Work load(UUID listingId) {
        return listings.findById(listingId)
                .filter(l -> l.getState() == ListingState.PUBLISHING)
                .map(l -> new Work(provider(l), new EndpointServiceRequest(new ArrayList<>(l.getLoadBalancerArns()),
                        l.isAcceptanceRequired(), l.getPrivateDnsName(), Set.copyOf(l.getSupportedRegions()),
                        l.getSupportedIpAddressTypes(),
                        l.getId().toString(), tags.forEndpointService(l.getId(), l.getOwnerTeamName()))))
                .orElse(null);
    }

    @Override
    protected EndpointService call(Work work, JobProgress progress) {
        return gateway.createEndpointService(work.provider(), work.request());
    }

    @Override
    protected Step record(UUID listingId, Work work, EndpointService service, JobProgress progress) {
        ServiceListing listing = listings.findById(listingId).orElseThrow();
        PrivateDnsConfiguration dns = service.privateDnsConfiguration().orElse(null);
        Set<String> zoneIds = service.availabilityZones().stream().map(AvailabilityZone::id).collect(Collectors.toSet());
        listing.published(service.serviceId(), service.serviceName(), zoneIds,
                dns == null ? null : dns.verificationState(), dns == null ? null : dns.txtRecordName(),
                dns == null ? null : dns.txtRecordValue(), clock.instant());
        listing.tagsInAws(service.tags());
        recordAndShow(listing, "SERVICE_AVAILABLE", e -> e.change("PUBLISHING", "AVAILABLE " + service.serviceName()));
        return Step.DONE;
    }

    @Override
    protected void failed(UUID listingId, Work work, String why) {
        listings.findById(listingId).ifPresent(listing -> {
            String reason = "AWS refused to create the endpoint service: " + why;
            listing.failed(reason, clock.instant());
            recordAndShow(listing, "SERVICE_FAILED", entry -> entry.change("PUBLISHING", "FAILED").because(reason));
        });
    }

    /** Publishing again goes through the service, which moves the listing back to PUBLISHING. */
    @Override
    public void retryByHand(UUID listingId) {
        listingService.getObject().retryPublish(listingId);
    }
}
