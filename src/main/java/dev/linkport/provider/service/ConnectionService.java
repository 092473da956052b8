package dev.linkport.provider.service;

import dev.linkport.audit.service.AuditLog;
import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsUnavailableException;
import dev.linkport.aws.EndpointConnection;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.catalog.service.ManagedListing;
import dev.linkport.consumer.service.RequestRef;
import dev.linkport.consumer.service.ServiceRequests;
import dev.linkport.identity.service.AccountDirectory;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.Changed.Topic;
import dev.linkport.provider.domain.ConnectionRecorder;
import dev.linkport.provider.domain.ObservedConnection;
import dev.linkport.provider.domain.ObservedConnection.Decision;
import dev.linkport.provider.domain.ObservedConnectionRepository;
import dev.linkport.provider.domain.ServiceAudit;
import dev.linkport.provider.jobs.ProviderJobs;
import dev.linkport.worker.Jobs;
import dev.linkport.platform.LikePatterns;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The AWS-side connections of a service, including endpoints created outside Linkport: read from
 * AWS on request ({@link #refresh}), recorded as {@code observed_connection} rows, matched to Linkport
 * requests by endpoint id, and listed from those rows in pages with filters. Accepting and rejecting
 * is done by the worker, which also follows connections that change state by themselves. For the
 * service's owners and platform admins. {@link #refresh}, {@link #list}, {@link #accept} and
 * {@link #reject} read AWS: never call them from a UI thread.
 */
@Service
public class ConnectionService {

    static final String VPC_ENDPOINT_ID = "^vpce-([0-9a-f]{8}|[0-9a-f]{17})$";
    private static final String WHAT = "see and change the connections of";

    private final ObservedConnectionRepository connections;
    private final ConnectionRecorder recorder;
    private final ListingDirectory listings;
    private final ServiceRequests requests;
    private final AccountDirectory accounts;
    private final PrivateLinkGateway gateway;
    private final AuditLog audit;
    private final Jobs jobs;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ConnectionService(ObservedConnectionRepository connections, ConnectionRecorder recorder,
                             ListingDirectory listings,
                             ServiceRequests requests, AccountDirectory accounts, PrivateLinkGateway gateway,
                             AuditLog audit, Jobs jobs, ApplicationEventPublisher events, TransactionTemplate tx,
                             Clock clock) {
        this.connections = connections;
        this.recorder = recorder;
        this.listings = listings;
        this.requests = requests;
        this.accounts = accounts;
        this.gateway = gateway;
        this.audit = audit;
        this.jobs = jobs;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * What the Connections page's filters select; null or blank fields do not filter.
     *
     * @param state AWS's state, e.g. {@code pendingAcceptance}, {@code available}, {@code deleted}
     * @param text  part of the endpoint id or the owner account id, or of the name of the team owning that account
     */
    public record ConnectionFilter(String state, String text) {

        public static ConnectionFilter none() {
            return new ConnectionFilter(null, null);
        }
    }

    /**
     * A service's connections counted, as Linkport last recorded them.
     *
     * @param moving how many are in a state that changes by itself; the worker follows them until they settle
     */
    public record ConnectionTally(long total, long pendingAcceptance, long outsideLinkport, long moving) {
    }

    /**
     * Every connection AWS reports for the service, with those Linkport saw before and AWS no longer
     * reports ({@code deleted}), newest in AWS first. Reads AWS (see {@link #refresh}). Fails with
     * {@link AwsUnavailableException} when AWS cannot be read.
     */
    public List<ConnectionRow> list(UUID listingId) {
        refresh(listingId);
        return page(listingId, ConnectionFilter.none(), 0, Integer.MAX_VALUE);
    }

    /**
     * Reads the service's connections from AWS and records them (new ones, changed states, and
     * {@code deleted} for those AWS no longer reports); while some change by themselves, the worker
     * follows them. Open Connections pages hear of changes through {@link Changed}. Fails with
     * {@link AwsUnavailableException} when AWS cannot be read.
     */
    public ConnectionTally refresh(UUID listingId) {
        ManagedListing managed = tx.execute(status -> listings.requireManaged(listingId, WHAT));
        if (!managed.inAws()) {
            return tally(listingId);
        }
        List<EndpointConnection> live = describe(managed);
        return tx.execute(status -> {
            boolean changed = recorder.record(listingId, live, requestIds(listingId),
                    clock.instant());
            if (live.stream().anyMatch(c -> ConnectionRecorder.MOVING.contains(c.state()))) {
                jobs.schedule(ProviderJobs.FOLLOW_CONNECTIONS, listingId);
            }
            if (changed) {
                events.publishEvent(new Changed(Topic.SERVICE_LISTING, listingId));
            }
            return tally(connections.tally(listingId));
        });
    }

    /**
     * A page of the service's connections as Linkport last recorded them, newest in AWS first, with
     * the team owning each endpoint's account and the Linkport request behind it. Reads no AWS.
     */
    public List<ConnectionRow> page(UUID listingId, ConnectionFilter filter, int offset, int limit) {
        return tx.execute(status -> {
            listings.requireManaged(listingId, WHAT);
            Where where = where(filter);
            List<ObservedConnection> rows = connections.findPage(listingId, where.state(), where.text(),
                    where.accounts(), offset, limit);
            Map<String, RequestRef> byEndpoint = requests.byEndpoints(listingId,
                    rows.stream().map(ObservedConnection::getVpcEndpointId).toList());
            Map<String, String> teams = accounts.teamNamesByAccountId(rows.stream()
                    .map(ObservedConnection::getOwnerAccountId).collect(Collectors.toSet()));
            return rows.stream().map(r -> row(r, byEndpoint.get(r.getVpcEndpointId()), teams)).toList();
        });
    }

    /** How many of the service's connections the filter selects. Reads no AWS. */
    public long count(UUID listingId, ConnectionFilter filter) {
        return tx.execute(status -> {
            listings.requireManaged(listingId, WHAT);
            Where where = where(filter);
            return connections.countPage(listingId, where.state(), where.text(), where.accounts());
        });
    }

    /** The service's connections counted, as Linkport last recorded them. Reads no AWS. */
    public ConnectionTally tally(UUID listingId) {
        return tx.execute(status -> {
            listings.requireManaged(listingId, WHAT);
            return tally(connections.tally(listingId));
        });
    }

    /** The Linkport requests behind the service's endpoints, by endpoint id. */
    private Function<Collection<String>, Map<String, UUID>> requestIds(UUID listingId) {
        return endpoints -> requests.byEndpoints(listingId, endpoints).values().stream()
                .collect(Collectors.toMap(RequestRef::vpcEndpointId, RequestRef::id));
    }

    private static ConnectionTally tally(ObservedConnectionRepository.Tally t) {
        return new ConnectionTally(t.total(), t.pendingAcceptance(), t.outsideLinkport(), t.moving());
    }

    /** The filter as the repository's parameters: nulls where it does not filter. */
    private record Where(String state, String text, String[] accounts) {
    }

    private Where where(ConnectionFilter filter) {
        String state = filter.state() == null || filter.state().isBlank() ? null : filter.state().trim();
        if (filter.text() == null || filter.text().isBlank()) {
            return new Where(state, null, new String[0]);
        }
        return new Where(state, LikePatterns.containing(filter.text()),
                accounts.accountIdsOfTeamsMatching(filter.text()).toArray(String[]::new));
    }

    /**
     * Asks the worker to accept a {@code pendingAcceptance} connection; it accepts all of the service's
     * connections decided meanwhile in one call. The list shows the outcome.
     */
    public ConnectionRow accept(UUID listingId, String vpcEndpointId) {
        return decide(listingId, vpcEndpointId, Decision.ACCEPT, "CONNECTION_ACCEPT_REQUESTED");
    }

    /** Asks the worker to reject a {@code pendingAcceptance} connection; a Linkport request behind it fails. */
    public ConnectionRow reject(UUID listingId, String vpcEndpointId) {
        return decide(listingId, vpcEndpointId, Decision.REJECT, "CONNECTION_REJECT_REQUESTED");
    }

    private ConnectionRow decide(UUID listingId, String vpcEndpointId, Decision decision, String action) {
        String id = vpcEndpointId == null ? "" : vpcEndpointId.trim();
        ManagedListing managed = tx.execute(status -> listings.requireManaged(listingId, WHAT));
        if (!id.matches(VPC_ENDPOINT_ID)) {
            throw InvalidInputException.of("vpcEndpointId", "A VPC endpoint id looks like vpce-0123456789abcdef0");
        }
        if (!managed.inAws()) {
            throw new NotFoundException("The service has no endpoint service in AWS, so no connection " + id);
        }
        List<EndpointConnection> live = describe(managed);
        return tx.execute(status -> {
            recorder.record(listingId, live, requestIds(listingId), clock.instant());
            ObservedConnection recorded = live.stream().anyMatch(c -> c.endpointId().equals(id))
                    ? connections.findByListingIdAndVpcEndpointId(listingId, id).orElse(null) : null;
            if (recorded == null) {
                throw new NotFoundException("AWS reports no connection " + id + " to " + managed.listing().name());
            }
            ConnectionRow connection = row(recorded,
                    requests.byEndpoints(listingId, List.of(id)).get(id),
                    accounts.teamNamesByAccountId(Set.of(recorded.getOwnerAccountId())));
            if (!connection.pendingAcceptance()) {
                throw new ConflictException("Only connections waiting for acceptance can be accepted or rejected; "
                        + id + " is " + connection.state());
            }
            connections.requestDecision(listingId, id, decision);
            jobs.schedule(ProviderJobs.DECIDE_CONNECTIONS, listingId);
            audit.record(ServiceAudit.entry(action, managed.listing())
                    .change(connection.state(), id + " of " + connection.ownerAccountId()));
            events.publishEvent(new Changed(Topic.SERVICE_LISTING, listingId));
            return connection;
        });
    }

    private List<EndpointConnection> describe(ManagedListing managed) {
        try {
            return gateway.describeEndpointConnections(managed.provider(), managed.listing().awsServiceId());
        } catch (AwsGatewayException e) {
            throw new AwsUnavailableException(e);
        }
    }

    private static ConnectionRow row(ObservedConnection c, RequestRef request, Map<String, String> teams) {
        return new ConnectionRow(c.getVpcEndpointId(), c.getOwnerAccountId(), teams.get(c.getOwnerAccountId()),
                c.getState(), c.getAwsCreatedAt(), request == null ? c.getRequestId() : request.id(),
                request == null ? null : request.state(), c.getFirstSeenAt(), c.getLastSeenAt());
    }
}
