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
import dev.linkport.provider.domain.ObservedConnection;
import dev.linkport.provider.domain.ObservedConnection.Decision;
import dev.linkport.provider.domain.ObservedConnectionRepository;
import dev.linkport.provider.domain.ServiceAudit;
import dev.linkport.provider.jobs.ProviderJobs;
import dev.linkport.worker.Jobs;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The AWS-side connections of a service, including endpoints created outside Linkport: read live
 * from AWS, remembered as {@code observed_connection} rows, matched to Linkport requests by endpoint
 * id. Accepting and rejecting is done by the worker. For the service's owners and platform admins.
 * Reads AWS: never call it from a UI thread.
 */
@Service
public class ConnectionService {

    static final String VPC_ENDPOINT_ID = "^vpce-([0-9a-f]{8}|[0-9a-f]{17})$";
    private static final String WHAT = "see and change the connections of";

    private final ObservedConnectionRepository connections;
    private final ListingDirectory listings;
    private final ServiceRequests requests;
    private final AccountDirectory accounts;
    private final PrivateLinkGateway gateway;
    private final AuditLog audit;
    private final Jobs jobs;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ConnectionService(ObservedConnectionRepository connections, ListingDirectory listings,
                             ServiceRequests requests, AccountDirectory accounts, PrivateLinkGateway gateway,
                             AuditLog audit, Jobs jobs, ApplicationEventPublisher events, TransactionTemplate tx,
                             Clock clock) {
        this.connections = connections;
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
     * Every connection AWS reports for the service, newest first, followed by those Linkport saw
     * before and AWS no longer reports ({@code missing}). Fails with {@link AwsUnavailableException}
     * when AWS cannot be read.
     */
    public List<ConnectionRow> list(UUID listingId) {
        ManagedListing managed = tx.execute(status -> listings.requireManaged(listingId, WHAT));
        List<EndpointConnection> live = managed.inAws() ? describe(managed) : List.of();
        return tx.execute(status -> merge(listingId, live));
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
            List<ConnectionRow> all = merge(listingId, live);
            ConnectionRow connection = all.stream().filter(c -> c.vpcEndpointId().equals(id)).findFirst()
                    .orElseThrow(() -> new NotFoundException("AWS reports no connection " + id + " to "
                            + managed.listing().name()));
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

    /** Upserts what AWS reported and returns it merged with what Linkport remembers. */
    private List<ConnectionRow> merge(UUID listingId, List<EndpointConnection> live) {
        Instant now = clock.instant();
        List<String> ids = new ArrayList<>(live.stream().map(EndpointConnection::endpointId).toList());
        List<ObservedConnection> remembered = connections.findByListingIdOrderByFirstSeenAt(listingId);
        remembered.forEach(r -> {
            if (!ids.contains(r.getVpcEndpointId())) {
                ids.add(r.getVpcEndpointId());
            }
        });
        Map<String, RequestRef> byEndpoint = requests.byEndpoints(listingId, ids);
        for (EndpointConnection c : live) {
            RequestRef r = byEndpoint.get(c.endpointId());
            connections.upsert(listingId, c.endpointId(), c.ownerAccountId(), c.state(), c.createdAt(),
                    r == null ? null : r.id(), now);
        }
        Map<String, ObservedConnection> rows = connections.findByListingIdOrderByFirstSeenAt(listingId).stream()
                .collect(Collectors.toMap(ObservedConnection::getVpcEndpointId, Function.identity(), (a, b) -> a));
        Map<String, String> teams = accounts.teamNamesByAccountId(rows.values().stream()
                .map(ObservedConnection::getOwnerAccountId).collect(Collectors.toSet()));
        List<ConnectionRow> out = new ArrayList<>();
        for (EndpointConnection c : live) {
            out.add(row(c.endpointId(), c.ownerAccountId(), c.state(), c.createdAt(), byEndpoint, rows, teams));
        }
        out.sort(Comparator.comparing(ConnectionRow::createdAt, Comparator.nullsLast(Comparator.reverseOrder())));
        for (ObservedConnection r : remembered) {
            if (live.stream().noneMatch(c -> c.endpointId().equals(r.getVpcEndpointId()))) {
                out.add(row(r.getVpcEndpointId(), r.getOwnerAccountId(), "missing", r.getAwsCreatedAt(), byEndpoint,
                        rows, teams));
            }
        }
        return out;
    }

    private static ConnectionRow row(String endpointId, String account, String state, Instant created,
                                     Map<String, RequestRef> requests, Map<String, ObservedConnection> rows,
                                     Map<String, String> teams) {
        RequestRef r = requests.get(endpointId);
        ObservedConnection row = rows.get(endpointId);
        return new ConnectionRow(endpointId, account, teams.get(account), state, created, r == null ? null : r.id(),
                r == null ? null : r.state(), row == null ? null : row.getFirstSeenAt(),
                row == null ? null : row.getLastSeenAt());
    }
}
