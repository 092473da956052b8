package dev.linkport.provider.service;

import dev.linkport.audit.service.AuditEntry;
import dev.linkport.audit.service.AuditLog;
import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.EndpointConnection;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.domain.ServiceListing;
import dev.linkport.consumer.domain.EndpointRequest;
import dev.linkport.identity.domain.AwsAccount;
import dev.linkport.identity.domain.AwsAccountRepository;
import dev.linkport.identity.service.AwsTargets;
import dev.linkport.identity.service.AwsUnavailableException;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.jobs.JobKind;
import dev.linkport.platform.jobs.Jobs;
import dev.linkport.provider.domain.ObservedConnection;
import dev.linkport.provider.domain.ObservedConnectionRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The AWS-side connections of a service (DESIGN.md §3, Provider), including endpoints created
 * outside Linkport: read live from AWS, remembered as {@code observed_connection} rows, matched to
 * Linkport requests by endpoint id. Accepting and rejecting is done by the worker. For the
 * service's owners and platform admins. Reads AWS: never call it from a UI thread.
 */
@Service
public class ConnectionService {

    static final String VPC_ENDPOINT_ID = "^vpce-([0-9a-f]{8}|[0-9a-f]{17})$";

    private final ObservedConnectionRepository connections;
    private final AwsAccountRepository accounts;
    private final ServiceOwnership ownership;
    private final PrivateLinkGateway gateway;
    private final AuditLog audit;
    private final Jobs jobs;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ConnectionService(ObservedConnectionRepository connections, AwsAccountRepository accounts,
                             ServiceOwnership ownership, PrivateLinkGateway gateway, AuditLog audit, Jobs jobs,
                             ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.connections = connections;
        this.accounts = accounts;
        this.ownership = ownership;
        this.gateway = gateway;
        this.audit = audit;
        this.jobs = jobs;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    private record Target(AwsTarget provider, String serviceId) {
    }

    /**
     * Every connection AWS reports for the service, newest first, followed by those Linkport saw
     * before and AWS no longer reports ({@code missing}). Fails with {@link AwsUnavailableException}
     * when AWS cannot be read.
     */
    public List<ConnectionView> list(UUID listingId) {
        Target target = tx.execute(status -> target(listingId));
        if (target == null) {
            return tx.execute(status -> merge(listingId, List.of()));
        }
        List<EndpointConnection> live = describe(target);
        return tx.execute(status -> merge(listingId, live));
    }

    /** Asks the worker to accept a {@code pendingAcceptance} connection; the list shows the outcome. */
    public ConnectionView accept(UUID listingId, String vpcEndpointId) {
        return decide(listingId, vpcEndpointId, JobKind.ACCEPT_CONNECTION, "CONNECTION_ACCEPT_REQUESTED");
    }

    /** Asks the worker to reject a {@code pendingAcceptance} connection; a Linkport request behind it fails. */
    public ConnectionView reject(UUID listingId, String vpcEndpointId) {
        return decide(listingId, vpcEndpointId, JobKind.REJECT_CONNECTION, "CONNECTION_REJECT_REQUESTED");
    }

    private ConnectionView decide(UUID listingId, String vpcEndpointId, JobKind kind, String action) {
        String id = vpcEndpointId == null ? "" : vpcEndpointId.trim();
        Target target = tx.execute(status -> target(listingId));
        if (!id.matches(VPC_ENDPOINT_ID)) {
            throw InvalidInputException.of("vpcEndpointId", "A VPC endpoint id looks like vpce-0123456789abcdef0");
        }
        if (target == null) {
            throw new NotFoundException("The service has no endpoint service in AWS, so no connection " + id);
        }
        List<EndpointConnection> live = describe(target);
        return tx.execute(status -> {
            ServiceListing listing = ownership.require(listingId, "the connections").listing();
            List<ConnectionView> all = merge(listingId, live);
            ConnectionView connection = all.stream().filter(c -> c.vpcEndpointId().equals(id)).findFirst()
                    .orElseThrow(() -> new NotFoundException("AWS reports no connection " + id + " to " + listing.getName()));
            if (!connection.pendingAcceptance()) {
                throw new ConflictException("Only connections waiting for acceptance can be accepted or rejected; "
                        + id + " is " + connection.state());
            }
            ObservedConnection row = connections.findByListingIdAndVpcEndpointId(listingId, id).orElseThrow();
            jobs.schedule(kind, row.getId());
            audit.record(AuditEntry.of(action, "SERVICE", listingId, listing.getName(), listing.getOwnerTeam().getId())
                    .change(connection.state(), id + " of " + connection.ownerAccountId()));
            events.publishEvent(new Changed(Changed.SERVICE_LISTING, listingId));
            return connection;
        });
    }

    private Target target(UUID listingId) {
        ServiceOwnership.Managed managed = ownership.require(listingId, "the connections");
        ServiceListing listing = managed.listing();
        if (listing.getAwsServiceId() == null) {
            return null;
        }
        AwsTarget provider = AwsTargets.of(listing.getProviderAccount(), listing.getRegion(),
                managed.caller().username());
        return new Target(provider, listing.getAwsServiceId());
    }

    private List<EndpointConnection> describe(Target target) {
        try {
            return gateway.describeEndpointConnections(target.provider(), target.serviceId());
        } catch (AwsGatewayException e) {
            throw new AwsUnavailableException(e);
        }
    }

    /** Upserts what AWS reported and returns it merged with what Linkport remembers. */
    private List<ConnectionView> merge(UUID listingId, List<EndpointConnection> live) {
        Instant now = clock.instant();
        List<String> ids = new ArrayList<>(live.stream().map(EndpointConnection::endpointId).toList());
        List<ObservedConnection> remembered = connections.findByListingIdOrderByFirstSeenAt(listingId);
        remembered.forEach(r -> {
            if (!ids.contains(r.getVpcEndpointId())) {
                ids.add(r.getVpcEndpointId());
            }
        });
        Map<String, EndpointRequest> requests = ids.isEmpty() ? Map.of()
                : connections.findRequestsByEndpoints(listingId, ids).stream()
                .collect(Collectors.toMap(EndpointRequest::getVpcEndpointId, Function.identity(), (a, b) -> a));
        for (EndpointConnection c : live) {
            EndpointRequest r = requests.get(c.endpointId());
            connections.upsert(listingId, c.endpointId(), c.ownerAccountId(), c.state(), c.createdAt(),
                    r == null ? null : r.getId(), now);
        }
        Map<String, ObservedConnection> rows = connections.findByListingIdOrderByFirstSeenAt(listingId).stream()
                .collect(Collectors.toMap(ObservedConnection::getVpcEndpointId, Function.identity(), (a, b) -> a));
        Map<String, Optional<String>> teams = new HashMap<>();
        List<ConnectionView> out = new ArrayList<>();
        for (EndpointConnection c : live) {
            out.add(view(c.endpointId(), c.ownerAccountId(), c.state(), c.createdAt(), requests, rows, teams));
        }
        out.sort(Comparator.comparing(ConnectionView::createdAt, Comparator.nullsLast(Comparator.reverseOrder())));
        for (ObservedConnection r : remembered) {
            if (live.stream().noneMatch(c -> c.endpointId().equals(r.getVpcEndpointId()))) {
                out.add(view(r.getVpcEndpointId(), r.getOwnerAccountId(), "missing", r.getAwsCreatedAt(), requests,
                        rows, teams));
            }
        }
        return out;
    }

    private ConnectionView view(String endpointId, String account, String state, Instant created,
                                Map<String, EndpointRequest> requests, Map<String, ObservedConnection> rows,
                                Map<String, Optional<String>> teams) {
        EndpointRequest r = requests.get(endpointId);
        ObservedConnection row = rows.get(endpointId);
        String team = teams.computeIfAbsent(account, a -> accounts.findByAccountId(a)
                .map(AwsAccount::getTeam).map(t -> t.getName())).orElse(null);
        return new ConnectionView(endpointId, account, team, state, created, r == null ? null : r.getId(),
                r == null ? null : r.getState().name(), row == null ? null : row.getFirstSeenAt(),
                row == null ? null : row.getLastSeenAt());
    }
}
