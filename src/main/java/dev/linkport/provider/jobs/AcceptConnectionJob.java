package dev.linkport.provider.jobs;

import dev.linkport.audit.service.AuditLog;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.aws.UnsuccessfulItem;
import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.provider.domain.ObservedConnection;
import dev.linkport.provider.domain.ObservedConnectionRepository;
import dev.linkport.worker.JobRuntime;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * AcceptConnection: accepts one pending endpoint connection of a service. A Linkport request
 * waiting for acceptance needs nothing more: its ProvisionEndpoint job sees the endpoint become
 * available and moves it on.
 */
@Component
class AcceptConnectionJob extends ConnectionDecisionJob {

    AcceptConnectionJob(JobRuntime runtime, ObservedConnectionRepository connections, ListingDirectory listings,
                        PrivateLinkGateway gateway, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        super(ProviderJobs.ACCEPT_CONNECTION, runtime, connections, listings, gateway, audit, events, clock);
    }

    @Override
    String verb() {
        return "accept";
    }

    @Override
    List<UnsuccessfulItem> decide(AwsTarget provider, String serviceId, String vpcEndpointId) {
        return gateway.acceptEndpointConnections(provider, serviceId, List.of(vpcEndpointId));
    }

    @Override
    void decided(ObservedConnection connection) {
        // the request's own job follows the endpoint to AVAILABLE
    }
}
