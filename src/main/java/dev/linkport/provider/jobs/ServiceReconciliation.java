package dev.linkport.provider.jobs;

import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.EndpointConnection;
import dev.linkport.aws.PermittedPrincipal;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.catalog.service.ListingDirectory.InAws;
import dev.linkport.catalog.service.ListingRef;
import dev.linkport.consumer.service.RequestRef;
import dev.linkport.consumer.service.ServiceRequests;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.Changed.Topic;
import dev.linkport.provider.ConnectionObserved;
import dev.linkport.provider.PrincipalSource;
import dev.linkport.provider.PrincipalSyncState;
import dev.linkport.provider.domain.AllowedPrincipal;
import dev.linkport.provider.domain.AllowedPrincipalRepository;
import dev.linkport.provider.domain.ObservedConnectionRepository;
import dev.linkport.worker.DriftFindings;
import dev.linkport.worker.DriftKind;
import dev.linkport.worker.Reconciliation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The provider side of reconciliation: per service in AWS, its connections (out-of-band ones are
 * recorded as observed connections and drift) and its allowed principals (changes made outside
 * Linkport become drift). AWS is read outside any transaction; each service's findings are written
 * in a short one. Services are read from the catalog a page at a time.
 */
@Component
@Order(1)
class ServiceReconciliation implements Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(ServiceReconciliation.class);
    private static final int PAGE = 500;

    private final ListingDirectory listings;
    private final ServiceRequests requests;
    private final ObservedConnectionRepository connections;
    private final AllowedPrincipalRepository principals;
    private final DriftFindings findings;
    private final PrivateLinkGateway gateway;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    ServiceReconciliation(ListingDirectory listings, ServiceRequests requests, ObservedConnectionRepository connections,
                          AllowedPrincipalRepository principals, DriftFindings findings, PrivateLinkGateway gateway,
                          ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.listings = listings;
        this.requests = requests;
        this.connections = connections;
        this.principals = principals;
        this.findings = findings;
        this.gateway = gateway;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public Tally reconcile() {
        Instant started = clock.instant();
        int services = 0;
        int found = 0;
        int errors = 0;
        UUID after = null;
        while (true) {
            UUID from = after;
            List<InAws> page = tx.execute(status -> listings.inAws(from, PAGE));
            for (InAws service : page) {
                services++;
                try {
                    List<EndpointConnection> live = gateway.describeEndpointConnections(service.provider(),
                            service.listing().awsServiceId());
                    List<PermittedPrincipal> allowed = gateway.describeServicePermissions(service.provider(),
                            service.listing().awsServiceId());
                    found += tx.execute(status -> record(service.listing(), live, allowed, started));
                } catch (AwsGatewayException | OptimisticLockingFailureException e) {
                    // AWS did not answer, or someone changed the service's principals meanwhile: next run
                    errors++;
                    log.warn("Reconciling service {} ({}) failed: {}", service.listing().name(),
                            service.listing().awsServiceId(), e.getMessage());
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.getLast().listing().id();
        }
        return new Tally(services, 0, 0, found, errors);
    }

    /** Stores the service's connections and compares its principals; returns how many findings. */
    private int record(ListingRef service, List<EndpointConnection> live, List<PermittedPrincipal> allowed,
                       Instant now) {
        int count = 0;
        Map<String, RequestRef> byEndpoint = requests.byEndpoints(service.id(),
                live.stream().map(EndpointConnection::endpointId).toList());
        for (EndpointConnection c : live) {
            RequestRef request = byEndpoint.get(c.endpointId());
            boolean isNew = connections.upsert(service.id(), c.endpointId(), c.ownerAccountId(), c.state(),
                    c.createdAt(), request == null ? null : request.id(), now);
            if (isNew && request == null) {
                count++;
                findings.found(DriftKind.OUT_OF_BAND_CONNECTION, service.id(), null, c.endpointId(),
                        "Endpoint " + c.endpointId() + " of account " + c.ownerAccountId() + " connects to "
                                + service.name() + " (" + c.state() + ") without a Linkport request", now);
                events.publishEvent(new ConnectionObserved(service.id(), service.name(), service.ownerTeamId(),
                        c.endpointId(), c.ownerAccountId(), c.state()));
            }
        }
        connections.markUnseenDeleted(service.id(), now); // connections AWS no longer lists are gone

        Set<String> inAws = allowed.stream().map(PermittedPrincipal::principal).collect(Collectors.toSet());
        Map<String, AllowedPrincipal> inLinkport = principals.findByListingIdOrderByArn(service.id()).stream()
                .collect(Collectors.toMap(AllowedPrincipal::getArn, p -> p));
        for (String arn : inAws) {
            String subject = service.awsServiceId() + " " + arn;
            AllowedPrincipal p = inLinkport.get(arn);
            if (p == null) {
                if (principals.insertObserved(service.id(), arn, "Added in AWS outside Linkport", now) > 0) {
                    count++;
                    findings.found(DriftKind.PRINCIPAL_ADDED_OUTSIDE, service.id(), null, subject,
                            "AWS allows " + arn + " to connect to " + service.name() + "; Linkport did not add it",
                            now);
                }
            } else if (p.getSyncState() == PrincipalSyncState.DRIFTED && p.getSource() != PrincipalSource.OBSERVED) {
                // a principal Linkport had lost is back in AWS
                p.synced(now);
                findings.resolved(subject, "reconciliation", now);
            }
        }
        for (AllowedPrincipal p : inLinkport.values()) {
            if (p.getSyncState() == PrincipalSyncState.IN_SYNC && !inAws.contains(p.getArn())) {
                p.drifted("Removed in AWS outside Linkport", now);
                count++;
                findings.found(DriftKind.PRINCIPAL_REMOVED_OUTSIDE, service.id(), null,
                        service.awsServiceId() + " " + p.getArn(),
                        "Linkport allows " + p.getArn() + " to connect to " + service.name()
                                + " but AWS no longer lists it", now);
            }
        }
        if (count > 0) {
            events.publishEvent(new Changed(Topic.SERVICE_LISTING, service.id()));
        }
        return count;
    }
}
