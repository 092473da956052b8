package dev.linkport.provider.jobs;

import dev.linkport.audit.service.AuditEntry;
import dev.linkport.audit.service.AuditLog;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.EndpointConnection;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.catalog.service.ListingRef;
import dev.linkport.consumer.service.ServiceRequests;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.Changed.Topic;
import dev.linkport.provider.domain.ConnectionRecorder;
import dev.linkport.provider.domain.ObservedConnection;
import dev.linkport.provider.domain.ObservedConnection.Decision;
import dev.linkport.provider.domain.ObservedConnectionRepository;
import dev.linkport.provider.domain.ServiceAudit;
import dev.linkport.worker.AwsJob;
import dev.linkport.worker.JobProgress;
import dev.linkport.worker.Jobs;
import dev.linkport.worker.JobRuntime;
import dev.linkport.worker.Step;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * DecideConnections, per service: carries out the provider's accept and reject decisions on its
 * connections, all at once — one AcceptVpcEndpointConnections for every endpoint to accept and one
 * RejectVpcEndpointConnections for every endpoint to reject. Reads the connections first and acts
 * only on those AWS still reports {@code pendingAcceptance}, so a repeated run does nothing twice. The
 * outcome goes to each connection, the audit log and, for a rejected endpoint of a Linkport request,
 * that request.
 */
@Component
class DecideConnectionsJob extends AwsJob<DecideConnectionsJob.Work, DecideConnectionsJob.Outcome> {

    record Work(ListingRef listing, AwsTarget provider, Map<String, Decision> decisions) {
    }

    /**
     * What happened in AWS, per endpoint.
     *
     * @param states  the connection's state afterwards; missing when AWS no longer reports it
     * @param refused AWS's reason when it would not carry a decision out
     */
    record Outcome(Map<String, String> states, Map<String, String> refused) {
    }

    private final ObservedConnectionRepository connections;
    private final ListingDirectory listings;
    private final ServiceRequests requests;
    private final PrivateLinkGateway gateway;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Jobs jobs;
    private final Clock clock;

    DecideConnectionsJob(JobRuntime runtime, ObservedConnectionRepository connections, ListingDirectory listings,
                         ServiceRequests requests, PrivateLinkGateway gateway, AuditLog audit,
                         ApplicationEventPublisher events, Jobs jobs, Clock clock) {
        super(ProviderJobs.DECIDE_CONNECTIONS, runtime);
        this.jobs = jobs;
        this.connections = connections;
        this.listings = listings;
        this.requests = requests;
        this.gateway = gateway;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    protected Work load(UUID listingId) {
        List<ObservedConnection> decided = connections.findByListingIdAndRequestedDecisionIsNotNull(listingId);
        ListingRef listing = listings.get(listingId);
        if (decided.isEmpty() || listing.awsServiceId() == null) {
            return null;
        }
        return new Work(listing, listings.providerTarget(listing, null), decided.stream().collect(
                Collectors.toMap(ObservedConnection::getVpcEndpointId, ObservedConnection::getRequestedDecision)));
    }

    @Override
    protected Outcome call(Work work, JobProgress progress) {
        String serviceId = work.listing().awsServiceId();
        Map<String, String> before = states(work);
        List<String> accept = pending(work, before, Decision.ACCEPT);
        List<String> reject = pending(work, before, Decision.REJECT);
        Map<String, String> refused = new HashMap<>();
        if (!accept.isEmpty()) {
            gateway.acceptEndpointConnections(work.provider(), serviceId, accept).forEach(i -> refused.put(
                    i.resourceId(), "AWS refused to accept " + i.resourceId() + ": " + i.errorCode() + " " + i.message()));
        }
        if (!reject.isEmpty()) {
            gateway.rejectEndpointConnections(work.provider(), serviceId, reject).forEach(i -> refused.put(
                    i.resourceId(), "AWS refused to reject " + i.resourceId() + ": " + i.errorCode() + " " + i.message()));
        }
        return new Outcome(accept.isEmpty() && reject.isEmpty() ? before : states(work), refused);
    }

    private Map<String, String> states(Work work) {
        return gateway.describeEndpointConnections(work.provider(), work.listing().awsServiceId()).stream()
                .filter(c -> work.decisions().containsKey(c.endpointId()))
                .collect(Collectors.toMap(EndpointConnection::endpointId, EndpointConnection::state, (a, b) -> a));
    }

    private static List<String> pending(Work work, Map<String, String> states, Decision decision) {
        return work.decisions().entrySet().stream()
                .filter(d -> d.getValue() == decision && "pendingAcceptance".equals(states.get(d.getKey())))
                .map(Map.Entry::getKey).sorted().toList();
    }

    @Override
    protected Step record(UUID listingId, Work work, Outcome outcome, JobProgress progress) {
        Map<String, ObservedConnection> rows = connections.findByListingIdAndRequestedDecisionIsNotNull(listingId)
                .stream().collect(Collectors.toMap(ObservedConnection::getVpcEndpointId, Function.identity()));
        boolean more = false;
        for (ObservedConnection c : rows.values()) {
            Decision decision = work.decisions().get(c.getVpcEndpointId());
            if (decision == null || decision != c.getRequestedDecision()) {
                more = true; // decided (again) while this run talked to AWS
                continue;
            }
            String state = outcome.states().get(c.getVpcEndpointId());
            String problem = outcome.refused().get(c.getVpcEndpointId());
            boolean done = problem == null && state != null && !"pendingAcceptance".equals(state)
                    && (decision == Decision.ACCEPT) != "rejected".equals(state);
            if (problem == null && state == null) {
                problem = "AWS no longer reports endpoint " + c.getVpcEndpointId();
            } else if (problem == null && !done) {
                problem = "Nothing to " + verb(decision) + ": AWS reports " + c.getVpcEndpointId() + " as " + state;
            }
            recordOne(work.listing(), c, decision, state, problem, done);
        }
        if (outcome.states().values().stream().anyMatch(ConnectionRecorder.MOVING::contains)) {
            jobs.schedule(ProviderJobs.FOLLOW_CONNECTIONS, listingId); // accepted ones go pending, then available
        }
        events.publishEvent(new Changed(Topic.SERVICE_LISTING, listingId));
        return more ? Step.NEXT : Step.DONE;
    }

    private void recordOne(ListingRef listing, ObservedConnection c, Decision decision, String state, String problem,
                           boolean done) {
        connections.decided(c.getId(), state, clock.instant());
        String verb = verb(decision).toUpperCase();
        AuditEntry entry = ServiceAudit.entry("CONNECTION_" + verb + (done ? "ED" : "_NOT_DONE"),
                listing).change("pendingAcceptance " + c.getVpcEndpointId(), state);
        audit.recordSystem(problem == null ? entry : entry.because(problem));
        if (done && decision == Decision.REJECT && c.getRequestId() != null) {
            requests.connectionRejected(c.getRequestId(), c.getVpcEndpointId());
        }
    }

    @Override
    protected void failed(UUID listingId, Work work, String why) {
        for (ObservedConnection c : connections.findByListingIdAndRequestedDecisionIsNotNull(listingId)) {
            Decision decision = c.getRequestedDecision();
            recordOne(work.listing(), c, decision, null, "Could not " + verb(decision) + " " + c.getVpcEndpointId()
                    + ": " + why, false);
        }
        events.publishEvent(new Changed(Topic.SERVICE_LISTING, listingId));
    }

    private static String verb(Decision decision) {
        return decision == Decision.ACCEPT ? "accept" : "reject";
    }
}
