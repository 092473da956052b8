package dev.linkport.worker.jobs;

import dev.linkport.audit.service.AuditLog;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.aws.UnsuccessfulItem;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.consumer.domain.EndpointRequestRepository;
import dev.linkport.consumer.domain.EndpointState;
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
 * RejectConnection: rejects one pending endpoint connection of a service. When the endpoint
 * belongs to a Linkport request, the request ends FAILED (or DRIFTED, if it was already
 * available) with the rejection in its timeline.
 */
@Component
class RejectConnectionJob extends ConnectionDecisionJob {

    RejectConnectionJob(ObservedConnectionRepository connections, ServiceListingRepository listings,
                        EndpointRequestRepository requests, EndpointLifecycle lifecycle, PrivateLinkGateway gateway,
                        AuditLog audit, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        super(connections, listings, requests, lifecycle, gateway, audit, events, tx, clock);
    }

    @Override
    public JobKind kind() {
        return JobKind.REJECT_CONNECTION;
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
        if (connection.getRequestId() == null) {
            return;
        }
        requests.findById(connection.getRequestId()).ifPresent(r -> {
            String reason = "The provider rejected the connection of " + connection.getVpcEndpointId() + " in AWS";
            if (r.getState().canMoveTo(EndpointState.FAILED) && r.getState() != EndpointState.DELETING) {
                lifecycle.move(r, EndpointState.FAILED, reason);
            } else if (r.getState().canMoveTo(EndpointState.DRIFTED)) {
                lifecycle.move(r, EndpointState.DRIFTED, reason);
            }
        });
    }
}
