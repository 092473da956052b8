package dev.linkport.worker.jobs;

import dev.linkport.aws.AllowedPrincipal;
import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.EndpointConnection;
import dev.linkport.aws.InterfaceEndpoint;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.consumer.domain.EndpointRequest;
import dev.linkport.consumer.domain.EndpointRequestRepository;
import dev.linkport.consumer.domain.EndpointState;
import dev.linkport.consumer.service.EndpointLifecycle;
import dev.linkport.identity.service.AwsTargets;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.ConnectionObserved;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconcile (DESIGN.md §5): compares what AWS holds with what Linkport believes, and records the
 * difference. Per service: its connections (out-of-band ones appear as observed connections) and
 * its allowed principals (changes made outside Linkport become drift). Per consumer account and
 * region: the endpoints of Linkport's requests, in batches — endpoints deleted or rejected
 * outside Linkport move their request, one that is back moves DRIFTED → AVAILABLE.
 *
 * <p>AWS is read outside any transaction, each service's and each account's findings are written
 * in a short one. The cost is two Describe calls per service plus one DescribeVpcEndpoints per
 * {@code batchSize} endpoints of an account and region, and every call waits for the gateway's
 * rate-limit tokens. Requests still provisioning are left to their job; reconciliation looks at
 * AVAILABLE and DRIFTED ones.
 */
@Component
public class Reconciler {

    /** db-scheduler's name of the recurring reconciliation. */
    public static final String TASK_NAME = "reconcile";

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    private static final Set<String> GONE = Set.of("deleting", "deleted", "expired", "failed");

    /** What one run looked at and found. */
    public record Report(int services, int endpoints, int accountRegions, int findings, int errors,
                         Duration duration) {
    }

    private record ServiceWork(UUID listingId, String name, AwsTarget provider, String serviceId) {
    }

    private record EndpointWork(UUID requestId, String vpcEndpointId) {
    }

    private final ServiceListingRepository listings;
    private final EndpointRequestRepository requests;
    private final EndpointLifecycle lifecycle;
    private final DriftFindings findings;
    private final PrivateLinkGateway gateway;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ReconcileProperties properties;
    private final Clock clock;
    private final ReentrantLock oneAtATime = new ReentrantLock();

    Reconciler(ServiceListingRepository listings, EndpointRequestRepository requests, EndpointLifecycle lifecycle,
               DriftFindings findings, PrivateLinkGateway gateway, ApplicationEventPublisher events, JdbcClient jdbc,
               TransactionTemplate tx, ReconcileProperties properties, Clock clock) {
        this.listings = listings;
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.findings = findings;
        this.gateway = gateway;
        this.events = events;
        this.jdbc = jdbc;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Runs one reconciliation now and waits for it. Runs in this instance do not overlap (a call
     * waits for the one under way); the recurring task keeps instances from overlapping.
     */
    public Report reconcile() {
        oneAtATime.lock();
        try {
            return run();
        } finally {
            oneAtATime.unlock();
        }
    }

    private Report run() {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        int[] found = {0};
        int errors = 0;

        List<ServiceWork> services = tx.execute(status -> {
            List<UUID> ids = jdbc.sql("""
                            select id from service_listing
                            where state in ('AVAILABLE', 'RETIRING') and aws_service_id is not null order by id""")
                    .query(UUID.class).list();
            return listings.findAllById(ids).stream()
                    .map(l -> new ServiceWork(l.getId(), l.getName(),
                            AwsTargets.of(l.getProviderAccount(), l.getRegion(), null), l.getAwsServiceId()))
                    .toList();
        });
        for (ServiceWork service : services) {
            try {
                List<EndpointConnection> connections = gateway.describeEndpointConnections(service.provider(),
                        service.serviceId());
                List<AllowedPrincipal> principals = gateway.describeServicePermissions(service.provider(),
                        service.serviceId());
                found[0] += tx.execute(status -> recordService(service, connections, principals, started));
            } catch (AwsGatewayException e) {
                errors++;
                log.warn("Reconciling service {} ({}) failed: {}", service.name(), service.serviceId(), e.getMessage());
            }
        }

        Map<AwsTarget, List<EndpointWork>> byAccount = tx.execute(status -> {
            Map<AwsTarget, List<EndpointWork>> groups = new LinkedHashMap<>();
            // AWS never reuses an endpoint id: one found deleted stays deleted, and asking for ids AWS has
            // forgotten would make it answer NotFound for the whole batch
            Set<UUID> gone = new HashSet<>(jdbc.sql("""
                            select request_id from drift_finding
                            where kind = ? and resolved_at is null and request_id is not null""")
                    .param(DriftFindings.ENDPOINT_GONE).query(UUID.class).list());
            for (EndpointRequest r : requests.findByStateIn(Set.of(EndpointState.AVAILABLE, EndpointState.DRIFTED))) {
                if (r.getVpcEndpointId() != null
                        && !(r.getState() == EndpointState.DRIFTED && gone.contains(r.getId()))) {
                    groups.computeIfAbsent(AwsTargets.of(r.getConsumerAccount(), r.getRegion(), null),
                            k -> new ArrayList<>()).add(new EndpointWork(r.getId(), r.getVpcEndpointId()));
                }
            }
            return groups;
        });
        int endpoints = 0;
        for (Map.Entry<AwsTarget, List<EndpointWork>> group : byAccount.entrySet()) {
            List<EndpointWork> all = group.getValue();
            for (int from = 0; from < all.size(); from += properties.batchSize()) {
                List<EndpointWork> batch = all.subList(from, Math.min(all.size(), from + properties.batchSize()));
                endpoints += batch.size();
                try {
                    Map<String, InterfaceEndpoint> seen = gateway.describeInterfaceEndpoints(group.getKey(),
                                    batch.stream().map(EndpointWork::vpcEndpointId).toList())
                            .stream().collect(Collectors.toMap(InterfaceEndpoint::endpointId, e -> e, (a, b) -> a));
                    for (EndpointWork work : batch) {
                        found[0] += tx.execute(status -> recordEndpoint(work, seen.get(work.vpcEndpointId()),
                                group.getKey()));
                    }
                } catch (AwsGatewayException e) {
                    errors++;
                    log.warn("Reconciling endpoints of {} in {} failed: {}", group.getKey().accountId(),
                            group.getKey().region(), e.getMessage());
                }
            }
        }
        Report report = new Report(services.size(), endpoints, byAccount.size(), found[0], errors,
                Duration.ofNanos(System.nanoTime() - t0));
        log.info("Reconciled {}", report);
        return report;
    }

    /** Stores the service's connections and compares its principals; returns how many findings. */
    private int recordService(ServiceWork service, List<EndpointConnection> connections,
                              List<AllowedPrincipal> principals, Instant now) {
        int count = 0;
        Timestamp ts = Timestamp.from(now);
        for (EndpointConnection c : connections) {
            Boolean newOutOfBand = jdbc.sql("""
                            insert into observed_connection (id, listing_id, vpc_endpoint_id, owner_account_id, state,
                                aws_created_at, request_id, first_seen_at, last_seen_at, version)
                            values (gen_random_uuid(), ?, ?, ?, ?, ?,
                                (select r.id from endpoint_request r where r.vpc_endpoint_id = ?), ?, ?, 0)
                            on conflict (listing_id, vpc_endpoint_id) do update
                               set state = excluded.state, last_seen_at = excluded.last_seen_at,
                                   request_id = coalesce(observed_connection.request_id, excluded.request_id),
                                   version = observed_connection.version + 1
                            returning (xmax = 0) and request_id is null""")
                    .params(service.listingId(), c.endpointId(), c.ownerAccountId(), c.state(),
                            c.createdAt() == null ? null : Timestamp.from(c.createdAt()), c.endpointId(), ts, ts)
                    .query(Boolean.class).single();
            if (Boolean.TRUE.equals(newOutOfBand)) {
                count++;
                findings.found(DriftFindings.OUT_OF_BAND_CONNECTION, service.listingId(), null, c.endpointId(),
                        "Endpoint " + c.endpointId() + " of account " + c.ownerAccountId() + " connects to "
                                + service.name() + " (" + c.state() + ") without a Linkport request", now);
                events.publishEvent(new ConnectionObserved(service.listingId(), c.endpointId(), c.ownerAccountId(),
                        c.state()));
            }
        }
        // connections AWS no longer lists are gone
        jdbc.sql("""
                        update observed_connection set state = 'deleted', version = version + 1
                        where listing_id = ? and last_seen_at < ? and state <> 'deleted'""")
                .params(service.listingId(), ts).update();

        Set<String> inAws = principals.stream().map(AllowedPrincipal::principal).collect(Collectors.toSet());
        Map<String, String> inLinkport = new LinkedHashMap<>();
        jdbc.sql("select arn, sync_state from allowed_principal where listing_id = ?").param(service.listingId())
                .query((rs, n) -> inLinkport.put(rs.getString(1), rs.getString(2))).list();
        for (String arn : inAws) {
            String subject = service.serviceId() + " " + arn;
            String state = inLinkport.get(arn);
            if (state == null || "DRIFTED".equals(state) && !isObserved(service.listingId(), arn)) {
                if (state == null) {
                    jdbc.sql("""
                                    insert into allowed_principal (id, listing_id, arn, source, sync_state, last_error,
                                        created_at, updated_at, version)
                                    values (gen_random_uuid(), ?, ?, 'OBSERVED', 'DRIFTED', ?, ?, ?, 0)
                                    on conflict (listing_id, arn) do nothing""")
                            .params(service.listingId(), arn, "Added in AWS outside Linkport", ts, ts).update();
                    count++;
                    findings.found(DriftFindings.PRINCIPAL_ADDED_OUTSIDE, service.listingId(), null, subject,
                            "AWS allows " + arn + " to connect to " + service.name() + "; Linkport did not add it",
                            now);
                } else {
                    // a principal Linkport had lost is back in AWS
                    markSynced(service.listingId(), arn, ts);
                    findings.resolved(subject, "reconciliation", now);
                }
            }
        }
        for (Map.Entry<String, String> p : inLinkport.entrySet()) {
            if ("IN_SYNC".equals(p.getValue()) && !inAws.contains(p.getKey())) {
                jdbc.sql("""
                                update allowed_principal set sync_state = 'DRIFTED', last_error = ?, updated_at = ?,
                                    version = version + 1
                                where listing_id = ? and arn = ?""")
                        .params("Removed in AWS outside Linkport", ts, service.listingId(), p.getKey()).update();
                count++;
                findings.found(DriftFindings.PRINCIPAL_REMOVED_OUTSIDE, service.listingId(), null,
                        service.serviceId() + " " + p.getKey(),
                        "Linkport allows " + p.getKey() + " to connect to " + service.name()
                                + " but AWS no longer lists it", now);
            }
        }
        if (count > 0) {
            events.publishEvent(new Changed(Changed.SERVICE_LISTING, service.listingId()));
        }
        return count;
    }

    private boolean isObserved(UUID listingId, String arn) {
        return jdbc.sql("select count(*) from allowed_principal where listing_id = ? and arn = ? and source = 'OBSERVED'")
                .params(listingId, arn).query(Long.class).single() > 0;
    }

    private void markSynced(UUID listingId, String arn, Timestamp ts) {
        jdbc.sql("""
                        update allowed_principal set sync_state = 'IN_SYNC', last_error = null, updated_at = ?,
                            version = version + 1
                        where listing_id = ? and arn = ?""")
                .params(ts, listingId, arn).update();
    }

    /** Moves the request if AWS disagrees with its state; returns 1 for a finding, else 0. */
    private int recordEndpoint(EndpointWork work, InterfaceEndpoint endpoint, AwsTarget consumer) {
        EndpointRequest r = requests.findById(work.requestId()).orElse(null);
        if (r == null || !work.vpcEndpointId().equals(r.getVpcEndpointId())) {
            return 0;
        }
        Instant now = clock.instant();
        String subject = work.vpcEndpointId();
        if (r.getState() == EndpointState.AVAILABLE) {
            if (endpoint == null || GONE.contains(endpoint.state())) {
                String reason = "AWS reports endpoint " + work.vpcEndpointId() + " in account " + consumer.accountId()
                        + (endpoint == null ? " no longer exists" : " as " + endpoint.state())
                        + ": it was deleted outside Linkport";
                lifecycle.move(r, EndpointState.DRIFTED, reason);
                findings.found(DriftFindings.ENDPOINT_GONE, r.getListing().getId(), r.getId(), subject, reason, now);
                return 1;
            }
            if ("rejected".equals(endpoint.state())) {
                String reason = "AWS reports endpoint " + work.vpcEndpointId() + " as rejected: the provider rejected "
                        + "the connection outside Linkport"
                        + endpoint.error().map(e -> " (" + e.code() + ": " + e.message() + ")").orElse("");
                lifecycle.move(r, EndpointState.DRIFTED, reason);
                findings.found(DriftFindings.ENDPOINT_REJECTED, r.getListing().getId(), r.getId(), subject, reason,
                        now);
                return 1;
            }
        } else if (r.getState() == EndpointState.DRIFTED && endpoint != null && endpoint.available()) {
            lifecycle.move(r, EndpointState.AVAILABLE, "AWS reports endpoint " + work.vpcEndpointId()
                    + " available again");
            findings.resolved(subject, "reconciliation", now);
        }
        return 0;
    }
}
