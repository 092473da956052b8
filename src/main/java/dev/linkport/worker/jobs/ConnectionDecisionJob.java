package dev.linkport.worker.jobs;

import dev.linkport.audit.service.AuditEntry;
import dev.linkport.audit.service.AuditLog;
import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.EndpointConnection;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.aws.UnsuccessfulItem;
import dev.linkport.catalog.domain.ServiceListing;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.consumer.domain.EndpointRequestRepository;
import dev.linkport.consumer.service.EndpointLifecycle;
import dev.linkport.identity.service.AwsTargets;
import dev.linkport.platform.events.Changed;
import dev.linkport.provider.domain.ObservedConnection;
import dev.linkport.provider.domain.ObservedConnectionRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts or rejects one endpoint connection of a service, named by its {@code observed_connection}
 * row (which holds the listing and the endpoint id). Reads the connection first and acts only while
 * AWS still reports it {@code pendingAcceptance}, so a repeated run does nothing twice. The outcome
 * goes to the row, the audit log and, when the endpoint belongs to a Linkport request, that request.
 */
abstract class ConnectionDecisionJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(ConnectionDecisionJob.class);

    private record Work(AwsTarget provider, String serviceId, String vpcEndpointId) {
    }

    final ObservedConnectionRepository connections;
    final ServiceListingRepository listings;
    final EndpointRequestRepository requests;
    final EndpointLifecycle lifecycle;
    final PrivateLinkGateway gateway;
    final AuditLog audit;
    final ApplicationEventPublisher events;
    final TransactionTemplate tx;
    final Clock clock;

    ConnectionDecisionJob(ObservedConnectionRepository connections, ServiceListingRepository listings,
                          EndpointRequestRepository requests, EndpointLifecycle lifecycle, PrivateLinkGateway gateway,
                          AuditLog audit, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.connections = connections;
        this.listings = listings;
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.gateway = gateway;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** {@code accept} or {@code reject}, for messages and audit actions. */
    abstract String verb();

    abstract List<UnsuccessfulItem> decide(AwsTarget provider, String serviceId, String vpcEndpointId);

    /** Keeps a Linkport request consistent with the decision, in the write transaction. */
    abstract void decided(ObservedConnection connection);

    @Override
    public Step run(UUID connectionId, int attempt) {
        Work work = tx.execute(status -> connections.findById(connectionId).map(c -> {
            ServiceListing l = listings.findById(c.getListingId()).orElseThrow();
            return l.getAwsServiceId() == null ? null : new Work(AwsTargets.of(l.getProviderAccount(), l.getRegion(),
                    null), l.getAwsServiceId(), c.getVpcEndpointId());
        }).orElse(null));
        if (work == null) {
            return Step.DONE;
        }
        try {
            Optional<EndpointConnection> now = current(work);
            if (now.isEmpty()) {
                record(connectionId, null, "AWS no longer reports endpoint " + work.vpcEndpointId(), false);
                return Step.DONE;
            }
            if (!now.get().pendingAcceptance()) {
                record(connectionId, now.get().state(), "Nothing to " + verb() + ": AWS reports "
                        + work.vpcEndpointId() + " as " + now.get().state(), false);
                return Step.DONE;
            }
            List<UnsuccessfulItem> refused = decide(work.provider(), work.serviceId(), work.vpcEndpointId());
            if (!refused.isEmpty()) {
                UnsuccessfulItem item = refused.getFirst();
                record(connectionId, now.get().state(), "AWS refused to " + verb() + " " + work.vpcEndpointId()
                        + ": " + item.errorCode() + " " + item.message(), false);
                return Step.DONE;
            }
            String after = current(work).map(EndpointConnection::state).orElse(null);
            record(connectionId, after, null, true);
            return Step.DONE;
        } catch (AwsGatewayException e) {
            if (e.isTransient() && attempt + 1 < Backoff.MAX_ATTEMPTS) {
                log.info("Deciding on {} hit a transient AWS error, retrying: {}", work.vpcEndpointId(), e.getMessage());
                return Step.again(Backoff.fullJitter(attempt, Duration.ofSeconds(1), Duration.ofSeconds(60)));
            }
            record(connectionId, null, "Could not " + verb() + " " + work.vpcEndpointId() + ": " + e.getMessage(),
                    false);
            return Step.DONE;
        }
    }

    private Optional<EndpointConnection> current(Work work) {
        return gateway.describeEndpointConnections(work.provider(), work.serviceId()).stream()
                .filter(c -> c.endpointId().equals(work.vpcEndpointId())).findFirst();
    }

    private void record(UUID connectionId, String state, String problem, boolean done) {
        tx.executeWithoutResult(status -> connections.findById(connectionId).ifPresent(c -> {
            ServiceListing listing = listings.findById(c.getListingId()).orElseThrow();
            if (state != null) {
                connections.markSeen(c.getId(), state, clock.instant());
            }
            String action = "CONNECTION_" + verb().toUpperCase() + (done ? "ED" : "_NOT_DONE");
            AuditEntry entry = AuditEntry.of(action.replace("EED", "ED"), "SERVICE", listing.getId(),
                            listing.getName(), listing.getOwnerTeam().getId())
                    .change("pendingAcceptance " + c.getVpcEndpointId(), state);
            audit.recordSystem(problem == null ? entry : entry.because(problem));
            if (done) {
                decided(c);
            }
            events.publishEvent(new Changed(Changed.SERVICE_LISTING, listing.getId()));
        }));
    }
}
