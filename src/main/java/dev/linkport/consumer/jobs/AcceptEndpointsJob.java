package dev.linkport.consumer.jobs;

import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.aws.UnsuccessfulItem;
import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.catalog.service.ListingRef;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.domain.EndpointLifecycle;
import dev.linkport.consumer.domain.EndpointRequest;
import dev.linkport.consumer.domain.EndpointRequestRepository;
import dev.linkport.worker.AwsJob;
import dev.linkport.worker.JobProgress;
import dev.linkport.worker.JobRuntime;
import dev.linkport.worker.Jobs;
import dev.linkport.worker.Step;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * AcceptEndpoints, per service: accepts every endpoint of a Linkport request that waits for the
 * provider's acceptance, in one AcceptVpcEndpointConnections call (AWS takes many endpoints per call),
 * however many requests were approved at once. Endpoints that arrive meanwhile go in the next call.
 * Accepting an endpoint that is no longer waiting is harmless, so a re-run after a crash does no harm.
 */
@Component
class AcceptEndpointsJob extends AwsJob<AcceptEndpointsJob.Work, List<UnsuccessfulItem>> {

    private static final Logger log = LoggerFactory.getLogger(AcceptEndpointsJob.class);
    /** Endpoints per call. */
    static final int BATCH = 100;

    record Work(AwsTarget provider, String serviceId, List<UUID> requestIds, List<String> endpointIds) {
    }

    private final EndpointRequestRepository requests;
    private final ListingDirectory listings;
    private final EndpointLifecycle lifecycle;
    private final PrivateLinkGateway gateway;
    private final Jobs jobs;
    private final Clock clock;

    AcceptEndpointsJob(JobRuntime runtime, EndpointRequestRepository requests, ListingDirectory listings,
                       EndpointLifecycle lifecycle, PrivateLinkGateway gateway, Jobs jobs, Clock clock) {
        super(ConsumerJobs.ACCEPT_ENDPOINTS, runtime);
        this.requests = requests;
        this.listings = listings;
        this.lifecycle = lifecycle;
        this.gateway = gateway;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    protected Work load(UUID listingId) {
        List<EndpointRequest> waiting = requests.findToAccept(listingId, PageRequest.of(0, BATCH));
        ListingRef listing = listings.get(listingId);
        if (waiting.isEmpty() || listing.awsServiceId() == null) {
            return null;
        }
        return new Work(listings.providerTarget(listing, null), listing.awsServiceId(),
                waiting.stream().map(EndpointRequest::getId).toList(),
                waiting.stream().map(EndpointRequest::getVpcEndpointId).toList());
    }

    @Override
    protected List<UnsuccessfulItem> call(Work work, JobProgress progress) {
        return gateway.acceptEndpointConnections(work.provider(), work.serviceId(), work.endpointIds());
    }

    @Override
    protected Step record(UUID listingId, Work work, List<UnsuccessfulItem> refused, JobProgress progress) {
        Map<String, UnsuccessfulItem> byEndpoint = refused.stream()
                .collect(Collectors.toMap(UnsuccessfulItem::resourceId, Function.identity(), (a, b) -> a));
        Set<UUID> accounts = new HashSet<>();
        for (EndpointRequest r : requests.findAllById(work.requestIds())) {
            if (r.getState() != EndpointState.PENDING_ACCEPTANCE) {
                continue;
            }
            UnsuccessfulItem item = byEndpoint.get(r.getVpcEndpointId());
            if (item != null && item.errorCode() != null && item.errorCode().contains("NotFound")) {
                lifecycle.move(r, EndpointState.FAILED, "AWS could not accept " + r.getVpcEndpointId() + ": "
                        + item.errorCode() + " " + item.message());
                continue;
            }
            if (item != null) {
                log.info("Accepting {} was refused ({}); following the endpoint tells what it is",
                        r.getVpcEndpointId(), item);
            }
            r.acceptanceRequested(clock.instant());
            accounts.add(r.getConsumerAccountId());
        }
        accounts.forEach(account -> jobs.scheduleWithin(ConsumerJobs.POLL_ENDPOINTS, account, pollAfter(0)));
        return requests.findToAccept(listingId, PageRequest.of(0, 1)).isEmpty() ? Step.DONE : Step.NEXT;
    }

    @Override
    protected void failed(UUID listingId, Work work, String why) {
        for (EndpointRequest r : requests.findAllById(work.requestIds())) {
            if (r.getState() == EndpointState.PENDING_ACCEPTANCE) {
                lifecycle.move(r, EndpointState.FAILED, "Linkport could not accept the endpoint in the provider's "
                        + "account: " + why);
            }
        }
    }
}
