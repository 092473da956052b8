package dev.linkport.consumer.jobs;

import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.InterfaceEndpoint;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.domain.EndpointLifecycle;
import dev.linkport.consumer.domain.EndpointRequest;
import dev.linkport.consumer.domain.EndpointRequestRepository;
import dev.linkport.consumer.domain.EndpointRequestRepository.Watched;
import dev.linkport.identity.service.AccountDirectory;
import dev.linkport.identity.service.AccountRef;
import dev.linkport.worker.DriftFindings;
import dev.linkport.worker.DriftKind;
import dev.linkport.worker.ReconcileProperties;
import dev.linkport.worker.Reconciliation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The consumers' part of reconciliation: per consumer account and region (side by side), the endpoints
 * of Linkport's requests, read in batches. Endpoints deleted or rejected outside Linkport move their
 * request to DRIFTED (a drift finding says what happened); one that is back moves DRIFTED → AVAILABLE.
 * Requests still provisioning are left to the worker; this looks at AVAILABLE and DRIFTED ones. The
 * requests are read in one query without loading them; only those AWS disagrees with are written.
 */
@Component
@Order(2)
class EndpointReconciliation implements Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(EndpointReconciliation.class);
    private static final Set<String> GONE = Set.of("deleting", "deleted", "expired", "failed");

    private final EndpointRequestRepository requests;
    private final AccountDirectory accounts;
    private final EndpointLifecycle lifecycle;
    private final DriftFindings findings;
    private final PrivateLinkGateway gateway;
    private final TransactionTemplate tx;
    private final ReconcileProperties properties;
    private final Clock clock;

    EndpointReconciliation(EndpointRequestRepository requests, AccountDirectory accounts, EndpointLifecycle lifecycle,
                           DriftFindings findings, PrivateLinkGateway gateway, TransactionTemplate tx,
                           ReconcileProperties properties, Clock clock) {
        this.requests = requests;
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.findings = findings;
        this.gateway = gateway;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Tally reconcile() {
        Map<AwsTarget, List<Watched>> byAccount = tx.execute(status -> {
            // AWS never reuses an endpoint id: one found deleted stays deleted, and asking for ids AWS has
            // forgotten would make it answer NotFound for the whole batch
            Set<UUID> gone = findings.openRequestIds(DriftKind.ENDPOINT_GONE);
            List<Watched> watched = requests.findWatched(Set.of(EndpointState.AVAILABLE, EndpointState.DRIFTED));
            Map<UUID, AccountRef> consumers = accounts.get(watched.stream().map(Watched::consumerAccountId)
                    .collect(Collectors.toSet()));
            Map<AwsTarget, List<Watched>> groups = new LinkedHashMap<>();
            for (Watched w : watched) {
                if (!(w.state() == EndpointState.DRIFTED && gone.contains(w.id()))) {
                    groups.computeIfAbsent(consumers.get(w.consumerAccountId()).target(w.region(), null),
                            k -> new ArrayList<>()).add(w);
                }
            }
            return groups;
        });
        Tally endpoints = Reconciliation.acrossAccounts(new ArrayList<>(byAccount.entrySet()), properties.parallelism(),
                group -> reconcile(group.getKey(), group.getValue()));
        return new Tally(0, endpoints.endpoints(), 0, byAccount.size(), 0, endpoints.findings(), endpoints.errors());
    }

    private Tally reconcile(AwsTarget consumer, List<Watched> all) {
        int found = 0;
        int errors = 0;
        for (int from = 0; from < all.size(); from += properties.batchSize()) {
            List<Watched> batch = all.subList(from, Math.min(all.size(), from + properties.batchSize()));
            try {
                Map<String, InterfaceEndpoint> seen = gateway.describeInterfaceEndpoints(consumer,
                                batch.stream().map(Watched::vpcEndpointId).toList())
                        .stream().collect(Collectors.toMap(InterfaceEndpoint::endpointId, e -> e, (a, b) -> a));
                for (Watched w : batch) {
                    InterfaceEndpoint endpoint = seen.get(w.vpcEndpointId());
                    if (disagrees(w, endpoint)) {
                        found += tx.execute(status -> record(w, endpoint, consumer));
                    }
                }
            } catch (AwsGatewayException e) {
                errors++;
                log.warn("Reconciling endpoints of {} in {} failed: {}", consumer.accountId(), consumer.region(),
                        e.getMessage());
            }
        }
        return new Tally(0, all.size(), 0, 0, 0, found, errors);
    }

    private static boolean disagrees(Watched w, InterfaceEndpoint endpoint) {
        if (w.state() == EndpointState.AVAILABLE) {
            return endpoint == null || GONE.contains(endpoint.state()) || "rejected".equals(endpoint.state());
        }
        return endpoint != null && endpoint.available();
    }

    /** Moves the request if AWS disagrees with its state; returns 1 for a finding, else 0. */
    private int record(Watched work, InterfaceEndpoint endpoint, AwsTarget consumer) {
        EndpointRequest r = requests.findById(work.id()).orElse(null);
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
                findings.found(DriftKind.ENDPOINT_GONE, r.getListingId(), r.getId(), subject, reason, now);
                return 1;
            }
            if ("rejected".equals(endpoint.state())) {
                String reason = "AWS reports endpoint " + work.vpcEndpointId() + " as rejected: the provider rejected "
                        + "the connection outside Linkport"
                        + endpoint.error().map(e -> " (" + e.code() + ": " + e.message() + ")").orElse("");
                lifecycle.move(r, EndpointState.DRIFTED, reason);
                findings.found(DriftKind.ENDPOINT_REJECTED, r.getListingId(), r.getId(), subject, reason, now);
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
