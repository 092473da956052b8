package dev.linkport.provider.jobs;

import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.EndpointConnection;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.catalog.service.ListingRef;
import dev.linkport.consumer.service.RequestRef;
import dev.linkport.consumer.service.ServiceRequests;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.Changed.Topic;
import dev.linkport.provider.domain.ConnectionRecorder;
import dev.linkport.provider.domain.ObservedConnectionRepository;
import dev.linkport.worker.AwsJob;
import dev.linkport.worker.JobProgress;
import dev.linkport.worker.JobRuntime;
import dev.linkport.worker.Step;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * FollowConnections, per service: while AWS last reported one of its connections in a state that
 * changes by itself ({@code pending} after an accept, {@code deleting}), reads the service's
 * connections again after the worker's poll interval and records what changed. Open Connections pages
 * follow by server push ({@link Changed}), instead of each of them polling AWS.
 */
@Component
class FollowConnectionsJob extends AwsJob<FollowConnectionsJob.Work, List<EndpointConnection>> {

    private static final Logger log = LoggerFactory.getLogger(FollowConnectionsJob.class);

    record Work(ListingRef listing, AwsTarget provider) {
    }

    private final ObservedConnectionRepository connections;
    private final ConnectionRecorder recorder;
    private final ListingDirectory listings;
    private final ServiceRequests requests;
    private final PrivateLinkGateway gateway;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FollowConnectionsJob(JobRuntime runtime, ObservedConnectionRepository connections, ConnectionRecorder recorder,
                         ListingDirectory listings, ServiceRequests requests,
                         PrivateLinkGateway gateway, ApplicationEventPublisher events, Clock clock) {
        super(ProviderJobs.FOLLOW_CONNECTIONS, runtime);
        this.connections = connections;
        this.recorder = recorder;
        this.listings = listings;
        this.requests = requests;
        this.gateway = gateway;
        this.events = events;
        this.clock = clock;
    }

    @Override
    protected Work load(UUID listingId) {
        if (!connections.existsByListingIdAndStateIn(listingId, ConnectionRecorder.MOVING)) {
            return null;
        }
        ListingRef listing = listings.get(listingId);
        if (listing.awsServiceId() == null) {
            return null;
        }
        return new Work(listing, listings.providerTarget(listing, null));
    }

    @Override
    protected List<EndpointConnection> call(Work work, JobProgress progress) {
        return gateway.describeEndpointConnections(work.provider(), work.listing().awsServiceId());
    }

    @Override
    protected Step record(UUID listingId, Work work, List<EndpointConnection> live, JobProgress progress) {
        boolean changed = recorder.record(listingId, live, endpoints -> requests.byEndpoints(listingId, endpoints)
                .values().stream().collect(Collectors.toMap(RequestRef::vpcEndpointId, RequestRef::id)),
                clock.instant());
        if (changed) {
            events.publishEvent(new Changed(Topic.SERVICE_LISTING, listingId));
        }
        boolean moving = live.stream().anyMatch(c -> ConnectionRecorder.MOVING.contains(c.state()));
        if (moving && outOfTime(progress)) {
            return Step.DONE; // reconciliation goes on looking
        }
        return moving ? Step.poll(pollAfter(progress.polls())) : Step.DONE;
    }

    @Override
    protected void failed(UUID listingId, Work work, String why) {
        // nothing was decided or promised: reconciliation reads the connections again on its next round
        log.info("Stopped following the connections of {}: {}", work.listing().name(), why);
    }
}
