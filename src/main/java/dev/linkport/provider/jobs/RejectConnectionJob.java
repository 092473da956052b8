package dev.linkport.provider.jobs;

import dev.linkport.audit.service.AuditLog;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.aws.UnsuccessfulItem;
import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.consumer.service.ServiceRequests;
import dev.linkport.provider.domain.ObservedConnection;
import dev.linkport.provider.domain.ObservedConnectionRepository;
import dev.linkport.worker.JobRuntime;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * RejectConnection: rejects one pending endpoint connection of a service. When the endpoint
 * belongs to a Linkport request, the request ends FAILED (or DRIFTED, if it was already
 * available) with the rejection in its timeline.
 */
@Component
class RejectConnectionJob extends ConnectionDecisionJob {

    private final ServiceRequests requests;

    RejectConnectionJob(JobRuntime runtime, ObservedConnectionRepository connections, ListingDirectory listings,
                        ServiceRequests requests, PrivateLinkGateway gateway, AuditLog audit,
                        ApplicationEventPublisher events, Clock clock) {
        super(ProviderJobs.REJECT_CONNECTION, runtime, connections, listings, gateway, audit, events, clock);
        this.requests = requests;
    }

    @Override
    String verb() {
        return "reject";
    }

    @Override
    List<UnsuccessfulItem> decide(AwsTarget provider, String serviceId, String vpcEndpointId) {
        return gateway.rejectEndpointConnections(provider, serviceId, List.of(vpcEndpointId));
    }

    @Override
    void decided(ObservedConnection connection) {
        if (connection.getRequestId() != null) {
            requests.connectionRejected(connection.getRequestId(), connection.getVpcEndpointId());
        }
    }
}
