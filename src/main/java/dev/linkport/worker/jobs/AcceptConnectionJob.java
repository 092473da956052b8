package dev.linkport.worker.jobs;

import dev.linkport.audit.service.AuditLog;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.aws.UnsuccessfulItem;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.consumer.domain.EndpointRequestRepository;
import dev.linkport.consumer.service.EndpointLifecycle;
import dev.linkport.platform.jobs.JobKind;
import dev.linkport.provider.domain.ObservedConnection;
import dev.linkport.provider.domain.ObservedConnectionRepository;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * AcceptConnection: accepts one pending endpoint connection of a service. A Linkport request
 * waiting for acceptance needs nothing more: its ProvisionEndpoint job sees the endpoint become
 * available and moves it on.
 */
@Component
class AcceptConnectionJob extends ConnectionDecisionJob {

    AcceptConnectionJob(ObservedConnectionRepository connections, ServiceListingRepository listings,
                        EndpointRequestRepository requests, EndpointLifecycle lifecycle, PrivateLinkGateway gateway,
                        AuditLog audit, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        super(connections, listings, requests, lifecycle, gateway, audit, events, tx, clock);
    }

    @Override
    public JobKind kind() {
        return JobKind.ACCEPT_CONNECTION;
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
