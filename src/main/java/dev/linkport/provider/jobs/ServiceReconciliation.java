package dev.linkport.provider.jobs;

import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.EndpointConnection;
import dev.linkport.aws.EndpointService;
import dev.linkport.aws.PermittedPrincipal;
import dev.linkport.aws.PrivateDnsConfiguration;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.catalog.service.PrivateDnsWatch;
import dev.linkport.catalog.service.ServicesInAws;
import dev.linkport.catalog.service.ServicesInAws.ProviderRegion;
import dev.linkport.consumer.service.RequestRef;
import dev.linkport.consumer.service.ServiceRequests;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.Changed.Topic;
import dev.linkport.provider.ConnectionObserved;
import dev.linkport.provider.PrincipalSource;
import dev.linkport.provider.PrincipalSyncState;
import dev.linkport.provider.domain.AllowedPrincipal;
import dev.linkport.provider.domain.AllowedPrincipalRepository;
import dev.linkport.provider.domain.ObservedConnection;
import dev.linkport.provider.domain.ObservedConnectionRepository;
import dev.linkport.worker.DriftFindings;
import dev.linkport.worker.DriftKind;
import dev.linkport.worker.ReconcileProperties;
import dev.linkport.worker.Reconciliation;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The provider side of reconciliation, per provider account and region, side by side: one paginated
 * DescribeVpcEndpointServiceConfigurations and one paginated DescribeVpcEndpointConnections cover all
 * of its services, however many. Settings changed in AWS (acceptance, supported regions, load balancers,
 * private DNS) and services deleted there become drift; connections without a Linkport request are
 * recorded and reported; the allowed principals of a share of the services (the ones read longest ago)
 * are compared too, so that each service's are read within {@code permissions-every}. Every pass also
 * stores each service's private DNS verification state: a name that was verified and is not any more
 * becomes a warning on the service and a finding, and its owners are told once ({@link PrivateDnsWatch}).
 * Only what changed is written.
 */
@Component
@Order(1)
class ServiceReconciliation implements Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(ServiceReconciliation.class);
    private static final Set<DriftKind> SERVICE_DRIFT = Set.of(DriftKind.SERVICE_DELETED_OUTSIDE,
            DriftKind.SERVICE_CHANGED_OUTSIDE);

    private final ListingDirectory listings;
    private final PrivateDnsWatch privateDns;
    private final ServiceRequests requests;
    private final ObservedConnectionRepository connections;
    private final AllowedPrincipalRepository principals;
    private final DriftFindings findings;
    private final PrivateLinkGateway gateway;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ReconcileProperties properties;
    private final Clock clock;

    ServiceReconciliation(ListingDirectory listings, ServiceRequests requests, ObservedConnectionRepository connections,
                          AllowedPrincipalRepository principals, DriftFindings findings, PrivateLinkGateway gateway,
                          ApplicationEventPublisher events, JdbcClient jdbc, TransactionTemplate tx,
                          ReconcileProperties properties, Clock clock, PrivateDnsWatch privateDns) {
        this.listings = listings;
        this.privateDns = privateDns;
        this.requests = requests;
        this.connections = connections;
        this.principals = principals;
        this.findings = findings;
        this.gateway = gateway;
        this.events = events;
        this.jdbc = jdbc;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Tally reconcile() {
        List<ProviderRegion> providers = tx.execute(status -> listings.providerRegionsInAws());
        return Reconciliation.acrossAccounts(providers, properties.parallelism(), this::reconcile);
    }

    private Tally reconcile(ProviderRegion where) {
        ServicesInAws wanted = tx.execute(status -> listings.servicesInAws(where));
        String account = wanted.provider().accountId() + "/" + wanted.provider().region();
        Instant now = clock.instant();
        int found = 0;
        int errors = 0;
        long t0 = System.nanoTime();
        Set<String> existing = null; // the services AWS holds, if it said
        try {
            Map<String, EndpointService> inAws = gateway.describeEndpointServices(wanted.provider()).stream()
                    .collect(Collectors.toMap(EndpointService::serviceId, Function.identity(), (a, b) -> a));
            long t1 = System.nanoTime();
            Map<String, List<EndpointConnection>> connected = gateway.describeAllEndpointConnections(wanted.provider())
                    .stream().filter(c -> c.serviceId() != null)
                    .collect(Collectors.groupingBy(EndpointConnection::serviceId));
            long t2 = System.nanoTime();
            found += tx.execute(status -> recordServices(wanted, inAws, connected, now));
            existing = inAws.keySet();
            log.debug("{}: {} services read in {} ms, their connections in {} ms, compared in {} ms", account,
                    inAws.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
        } catch (AwsGatewayException | OptimisticLockingFailureException e) {
            // AWS did not answer, or an owner changed a service (e.g. its private DNS) meanwhile: next time
            errors++;
            log.warn("Reconciling the services of {} failed: {}", account, e.getMessage());
        }
        long t3 = System.nanoTime();
        List<ServicesInAws.Service> due = dueForPermissions(wanted, existing);
        for (ServicesInAws.Service service : due) {
            try {
                List<PermittedPrincipal> allowed = gateway.describeServicePermissions(wanted.provider(),
                        service.awsServiceId());
                found += tx.execute(status -> recordPrincipals(service, allowed, now));
            } catch (AwsGatewayException | OptimisticLockingFailureException e) {
                // AWS did not answer, or someone changed the service's principals meanwhile: next time
                errors++;
                log.warn("Reconciling the principals of {} ({}) failed: {}", service.name(), service.awsServiceId(),
                        e.getMessage());
            }
        }
        log.debug("{}: principals of {} services read in {} ms", account, due.size(), (System.nanoTime() - t3) / 1_000_000);
        return new Tally(wanted.services().size(), 0, 1, 0, due.size(), found, errors);
    }

    // ---------------------------------------------------------------- services and connections

    private int recordServices(ServicesInAws wanted, Map<String, EndpointService> inAws,
                               Map<String, List<EndpointConnection>> connected, Instant now) {
        int count = 0;
        List<ServicesInAws.Service> services = wanted.services();
        String[] ids = services.stream().map(s -> s.listingId().toString()).toArray(String[]::new);
        Map<UUID, Map<String, ObservedConnection>> known = new HashMap<>();
        for (ObservedConnection c : connections.findByListingIds(ids)) {
            known.computeIfAbsent(c.getListingId(), k -> new HashMap<>()).put(c.getVpcEndpointId(), c);
        }
        Set<String> unknownEndpoints = new HashSet<>();
        for (ServicesInAws.Service s : services) {
            Map<String, ObservedConnection> rows = known.getOrDefault(s.listingId(), Map.of());
            connected.getOrDefault(s.awsServiceId(), List.of()).stream().map(EndpointConnection::endpointId)
                    .filter(id -> !rows.containsKey(id)).forEach(unknownEndpoints::add);
        }
        Map<String, RequestRef> byEndpoint = requests.byEndpoints(unknownEndpoints);
        Set<String> open = findings.openSubjects(SERVICE_DRIFT);
        for (ServicesInAws.Service s : services) {
            EndpointService actual = inAws.get(s.awsServiceId());
            count += compareSettings(wanted, s, actual, open, now);
            count += recordConnections(s, connected.getOrDefault(s.awsServiceId(), List.of()),
                    known.getOrDefault(s.listingId(), Map.of()), byEndpoint, now);
        }
        return count;
    }

    /** A service deleted or changed in AWS is drift; one that matches again closes its finding. */
    private int compareSettings(ServicesInAws wanted, ServicesInAws.Service s, EndpointService actual,
                                Set<String> open, Instant now) {
        String deletedSubject = s.awsServiceId();
        String changedSubject = s.awsServiceId() + " settings";
        if (actual == null) {
            findings.found(DriftKind.SERVICE_DELETED_OUTSIDE, s.listingId(), null, deletedSubject, "Endpoint service "
                    + s.awsServiceId() + " of " + s.name() + " no longer exists in " + wanted.provider().accountId()
                    + "/" + wanted.provider().region() + ": it was deleted outside Linkport", now);
            return 1;
        }
        if (open.contains(deletedSubject)) {
            findings.resolved(deletedSubject, "reconciliation", now);
        }
        int lost = actual.privateDnsConfiguration().map(dns -> privateDns(s, dns, now)).orElse(0);
        List<String> differences = differences(wanted.provider().region(), s, actual);
        if (differences.isEmpty()) {
            if (open.contains(changedSubject)) {
                findings.resolved(changedSubject, "reconciliation", now);
            }
            return lost;
        }
        findings.found(DriftKind.SERVICE_CHANGED_OUTSIDE, s.listingId(), null, changedSubject, s.name() + " ("
                + s.awsServiceId() + ") was changed outside Linkport: " + String.join("; ", differences), now);
        return 1 + lost;
    }

    /**
     * Stores the verification state AWS reports for the service's private DNS name; a verified name that is not
     * any more opens a finding (one: the state is stored, so later passes see no new loss), verified again closes it.
     */
    private int privateDns(ServicesInAws.Service s, PrivateDnsConfiguration dns, Instant now) {
        String subject = s.awsServiceId() + " private DNS";
        return switch (privateDns.observed(s.listingId(), dns.name(), dns.verificationState(), dns.txtRecordName(),
                dns.txtRecordValue(), now)) {
            case LOST -> {
                findings.found(DriftKind.PRIVATE_DNS_UNVERIFIED, s.listingId(), null, subject, "AWS reports the "
                        + "private DNS name " + dns.name() + " of " + s.name() + " as " + dns.verificationState()
                        + "; it was verified", now);
                yield 1;
            }
            case RESTORED -> {
                findings.resolved(subject, "reconciliation", now);
                yield 0;
            }
            case UNCHANGED -> 0;
        };
    }

    static List<String> differences(String homeRegion, ServicesInAws.Service wanted, EndpointService actual) {
        List<String> out = new ArrayList<>();
        if (wanted.acceptanceRequired() != actual.acceptanceRequired()) {
            out.add("acceptance is " + (actual.acceptanceRequired() ? "required" : "automatic") + " in AWS, "
                    + (wanted.acceptanceRequired() ? "required" : "automatic") + " in Linkport");
        }
        Set<String> wantedRegions = new TreeSet<>(wanted.supportedRegions());
        wantedRegions.remove(homeRegion);
        Set<String> actualRegions = new TreeSet<>(actual.supportedRegions());
        actualRegions.remove(homeRegion);
        if (!wantedRegions.equals(actualRegions)) {
            out.add("supported regions are " + actualRegions + " in AWS, " + wantedRegions + " in Linkport");
        }
        Set<String> actualBalancers = new TreeSet<>(actual.networkLoadBalancerArns());
        if (!new TreeSet<>(wanted.loadBalancerArns()).equals(actualBalancers)) {
            out.add("load balancers are " + actualBalancers + " in AWS, " + new TreeSet<>(wanted.loadBalancerArns())
                    + " in Linkport");
        }
        PrivateDnsConfiguration dns = actual.privateDnsConfiguration().orElse(null);
        String actualName = dns == null ? null : dns.name();
        // the verification state is not a setting: every pass stores it (see privateDns)
        if (!Objects.equals(wanted.privateDnsName(), actualName)) {
            out.add("the private DNS name is " + (actualName == null ? "unset" : actualName) + " in AWS, "
                    + (wanted.privateDnsName() == null ? "unset" : wanted.privateDnsName()) + " in Linkport");
        }
        return out;
    }

    /** Records new connections and changed states; only rows that changed are written. */
    private int recordConnections(ServicesInAws.Service s, List<EndpointConnection> live,
                                  Map<String, ObservedConnection> rows, Map<String, RequestRef> byEndpoint,
                                  Instant now) {
        int count = 0;
        boolean changed = false;
        Set<String> seen = new HashSet<>();
        for (EndpointConnection c : live) {
            seen.add(c.endpointId());
            ObservedConnection row = rows.get(c.endpointId());
            if (row == null) {
                RequestRef request = byEndpoint.get(c.endpointId());
                connections.upsert(s.listingId(), c.endpointId(), c.ownerAccountId(), c.state(), c.createdAt(),
                        request == null ? null : request.id(), now);
                changed = true;
                if (request == null) {
                    count++;
                    findings.found(DriftKind.OUT_OF_BAND_CONNECTION, s.listingId(), null, c.endpointId(),
                            "Endpoint " + c.endpointId() + " of account " + c.ownerAccountId() + " connects to "
                                    + s.name() + " (" + c.state() + ") without a Linkport request", now);
                    events.publishEvent(new ConnectionObserved(s.listingId(), s.name(), s.ownerTeamId(),
                            c.endpointId(), c.ownerAccountId(), c.state()));
                }
            } else if (!row.getState().equals(c.state())) {
                connections.markSeen(row.getId(), c.state(), now);
                changed = true;
            }
        }
        for (ObservedConnection row : rows.values()) {
            if (!seen.contains(row.getVpcEndpointId()) && !"deleted".equals(row.getState())) {
                connections.markSeen(row.getId(), "deleted", now); // AWS no longer lists it: gone
                changed = true;
            }
        }
        if (changed) {
            events.publishEvent(new Changed(Topic.SERVICE_LISTING, s.listingId()));
        }
        return count;
    }

    // ---------------------------------------------------------------- principals

    /**
     * The services whose principals were read longest ago (never first), as many as this run's share;
     * not those AWS no longer holds (they are drift already).
     *
     * @param existing the services AWS holds, or null if it did not say
     */
    private List<ServicesInAws.Service> dueForPermissions(ServicesInAws wanted, Set<String> existing) {
        List<ServicesInAws.Service> candidates = existing == null ? wanted.services()
                : wanted.services().stream().filter(s -> existing.contains(s.awsServiceId())).toList();
        int share = properties.permissionReadsPerRun(candidates.size());
        if (share == 0) {
            return List.of();
        }
        String[] ids = candidates.stream().map(s -> s.listingId().toString()).toArray(String[]::new);
        Map<UUID, ServicesInAws.Service> byId = candidates.stream()
                .collect(Collectors.toMap(ServicesInAws.Service::listingId, Function.identity()));
        return jdbc.sql("""
                        select l.id from unnest(cast(? as uuid[])) as l(id)
                        left join principal_check c on c.listing_id = l.id
                        order by c.checked_at nulls first, l.id limit ?""")
                .params(ids, share)
                .query((rs, n) -> byId.get(rs.getObject(1, UUID.class))).list();
    }

    /** Compares one service's principals with AWS; returns how many findings. */
    private int recordPrincipals(ServicesInAws.Service service, List<PermittedPrincipal> allowed, Instant now) {
        int count = 0;
        Set<String> inAws = allowed.stream().map(PermittedPrincipal::principal).collect(Collectors.toSet());
        Map<String, AllowedPrincipal> inLinkport = principals.findByListingIdOrderByArn(service.listingId()).stream()
                .collect(Collectors.toMap(AllowedPrincipal::getArn, p -> p));
        for (String arn : inAws) {
            String subject = service.awsServiceId() + " " + arn;
            AllowedPrincipal p = inLinkport.get(arn);
            if (p == null) {
                if (principals.insertObserved(service.listingId(), arn, "Added in AWS outside Linkport", now) > 0) {
                    count++;
                    findings.found(DriftKind.PRINCIPAL_ADDED_OUTSIDE, service.listingId(), null, subject,
                            "AWS allows " + arn + " to connect to " + service.name() + "; Linkport did not add it",
                            now);
                }
            } else if (p.getSyncState() == PrincipalSyncState.DRIFTED && p.getSource() != PrincipalSource.OBSERVED) {
                p.synced(now); // a principal Linkport had lost is back in AWS
                findings.resolved(subject, "reconciliation", now);
            }
        }
        for (AllowedPrincipal p : inLinkport.values()) {
            if (p.getSyncState() == PrincipalSyncState.IN_SYNC && !inAws.contains(p.getArn())) {
                p.drifted("Removed in AWS outside Linkport", now);
                count++;
                findings.found(DriftKind.PRINCIPAL_REMOVED_OUTSIDE, service.listingId(), null,
                        service.awsServiceId() + " " + p.getArn(), "Linkport allows " + p.getArn() + " to connect to "
                                + service.name() + " but AWS no longer lists it", now);
            }
        }
        jdbc.sql("""
                        insert into principal_check (listing_id, checked_at) values (?, ?)
                        on conflict (listing_id) do update set checked_at = excluded.checked_at""")
                .params(service.listingId(), Timestamp.from(now)).update();
        if (count > 0) {
            events.publishEvent(new Changed(Topic.SERVICE_LISTING, service.listingId()));
        }
        return count;
    }
}
