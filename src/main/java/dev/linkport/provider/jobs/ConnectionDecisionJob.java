package dev.linkport.provider.jobs;

import dev.linkport.audit.service.AuditEntry;
import dev.linkport.audit.service.AuditLog;
import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.EndpointConnection;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.aws.UnsuccessfulItem;
import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.catalog.service.ListingRef;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.Changed.Topic;
import dev.linkport.provider.domain.ObservedConnection;
import dev.linkport.provider.domain.ObservedConnectionRepository;
import dev.linkport.provider.domain.ServiceAudit;
import dev.linkport.worker.AwsJob;
import dev.linkport.worker.JobKind;
import dev.linkport.worker.JobRuntime;
import dev.linkport.worker.Step;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Accepts or rejects one endpoint connection of a service, named by its {@code observed_connection}
 * row (which holds the listing and the endpoint id). Reads the connection first and acts only while
 * AWS still reports it {@code pendingAcceptance}, so a repeated run does nothing twice. The outcome
 * goes to the row, the audit log and, when the endpoint belongs to a Linkport request, that request.
 */
abstract class ConnectionDecisionJob extends AwsJob<ConnectionDecisionJob.Work, ConnectionDecisionJob.Outcome> {

    record Work(ListingRef listing, AwsTarget provider, String vpcEndpointId) {
    }

    /**
     * What happened in AWS.
     *
     * @param state   the connection's state afterwards, or {@code null} when AWS no longer reports it
     * @param problem why nothing was done, or {@code null}
     * @param done    the decision was carried out
     */
    record Outcome(String state, String problem, boolean done) {
    }

    final ObservedConnectionRepository connections;
    final ListingDirectory listings;
    final PrivateLinkGateway gateway;
    final AuditLog audit;
    final ApplicationEventPublisher events;
    final Clock clock;

    ConnectionDecisionJob(JobKind kind, JobRuntime runtime, ObservedConnectionRepository connections,
                          ListingDirectory listings, PrivateLinkGateway gateway, AuditLog audit,
                          ApplicationEventPublisher events, Clock clock) {
        super(kind, runtime);
        this.connections = connections;
        this.listings = listings;
        this.gateway = gateway;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** {@code accept} or {@code reject}, for messages and audit actions. */
    abstract String verb();

    abstract List<UnsuccessfulItem> decide(AwsTarget provider, String serviceId, String vpcEndpointId);

    /** Keeps a Linkport request consistent with the decision, in the write transaction. */
    abstract void decided(ObservedConnection connection);

    @Override
    protected Work load(UUID connectionId) {
        return connections.findById(connectionId).map(c -> {
            ListingRef listing = listings.get(c.getListingId());
            return listing.awsServiceId() == null ? null
                    : new Work(listing, listings.providerTarget(listing, null), c.getVpcEndpointId());
        }).orElse(null);
    }

    @Override
    protected Outcome call(Work work, int attempt) {
        Optional<EndpointConnection> now = current(work);
        if (now.isEmpty()) {
            return new Outcome(null, "AWS no longer reports endpoint " + work.vpcEndpointId(), false);
        }
        if (!now.get().pendingAcceptance()) {
            return new Outcome(now.get().state(), "Nothing to " + verb() + ": AWS reports " + work.vpcEndpointId()
                    + " as " + now.get().state(), false);
        }
        List<UnsuccessfulItem> refused = decide(work.provider(), work.listing().awsServiceId(), work.vpcEndpointId());
        if (!refused.isEmpty()) {
            UnsuccessfulItem item = refused.getFirst();
            return new Outcome(now.get().state(), "AWS refused to " + verb() + " " + work.vpcEndpointId() + ": "
                    + item.errorCode() + " " + item.message(), false);
        }
        return new Outcome(current(work).map(EndpointConnection::state).orElse(null), null, true);
    }

    private Optional<EndpointConnection> current(Work work) {
        return gateway.describeEndpointConnections(work.provider(), work.listing().awsServiceId()).stream()
                .filter(c -> c.endpointId().equals(work.vpcEndpointId())).findFirst();
    }

    @Override
    protected Step record(UUID connectionId, Work work, Outcome outcome, int attempt) {
        connections.findById(connectionId).ifPresent(c -> {
            if (outcome.state() != null) {
                connections.markSeen(c.getId(), outcome.state(), clock.instant());
            }
            String action = "CONNECTION_" + verb().toUpperCase() + (outcome.done() ? "ED" : "_NOT_DONE");
            AuditEntry entry = ServiceAudit.entry(action.replace("EED", "ED"), work.listing())
                    .change("pendingAcceptance " + c.getVpcEndpointId(), outcome.state());
            audit.recordSystem(outcome.problem() == null ? entry : entry.because(outcome.problem()));
            if (outcome.done()) {
                decided(c);
            }
            events.publishEvent(new Changed(Topic.SERVICE_LISTING, work.listing().id()));
        });
        return Step.DONE;
    }

    @Override
    protected void failed(UUID connectionId, Work work, AwsGatewayException e) {
        record(connectionId, work, new Outcome(null, "Could not " + verb() + " " + work.vpcEndpointId() + ": "
                + e.getMessage(), false), 0);
    }
}
