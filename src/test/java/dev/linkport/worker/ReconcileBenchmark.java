package dev.linkport.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.aws.AvailabilityZone;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.EndpointService;
import dev.linkport.aws.EndpointServiceRequest;
import dev.linkport.aws.InterfaceEndpointRequest;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.aws.SecurityGroup;
import dev.linkport.aws.Subnet;
import dev.linkport.aws.Vpc;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.domain.ServiceListing;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.identity.domain.AwsAccount;
import dev.linkport.identity.domain.AwsAccountRepository;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.sandbox.SandboxStats;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.worker.Reconciler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not a test (run with {@code ./mvnw verify -Pdevelopment,benchmarks
 * -Dit.test=ReconcileBenchmark}): one reconciliation of 200 services with 5 connections each
 * against the sandbox, whose throttling has AWS's bucket sizes. The services and endpoints are
 * created straight in the sandbox (through the gateway, so within the rate limits; the endpoints
 * spread over 50 consumer accounts), the listings stored as Linkport's. Prints the duration and
 * the AWS calls per action.
 */
@LinkportIntegrationTest
class ReconcileBenchmark {

    static final int SERVICES = 200;
    static final int CONNECTIONS = 5;
    static final int CONSUMERS = 50;
    static final String PROVIDER_ACCOUNT = "111111111111";

    @Autowired PrivateLinkGateway gateway;
    @Autowired SandboxLifecycle sandbox;
    @Autowired Reconciler reconciler;
    @Autowired ServiceListingRepository listings;
    @Autowired AwsAccountRepository accounts;
    @Autowired TransactionTemplate tx;

    record Consumer(AwsTarget target, String vpcId, List<Subnet> subnets, String groupId) {
    }

    @Test
    void twoHundredServicesWithFiveConnectionsEach() throws Exception {
        long setupStart = System.nanoTime();
        AwsTarget provider = target(PROVIDER_ACCOUNT);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Consumer> consumers = new ArrayList<>();
            for (int c = 0; c < CONSUMERS; c++) {
                String id = String.format("5550000%05d", c);
                sandbox.control().createAccount(id, "bench-" + c, List.of("us-east-1"));
                AwsTarget target = target(id);
                Vpc vpc = gateway.describeVpcs(target).getFirst();
                consumers.add(new Consumer(target, vpc.vpcId(), gateway.describeSubnets(target, vpc.vpcId()),
                        gateway.describeSecurityGroups(target, vpc.vpcId()).stream().map(SecurityGroup::groupId)
                                .findFirst().orElseThrow()));
            }
            List<Future<EndpointService>> creating = new ArrayList<>();
            for (int i = 0; i < SERVICES; i++) {
                String nlb = sandbox.control().createLoadBalancer(PROVIDER_ACCOUNT, "us-east-1", "bench-" + i,
                        List.of("a", "b", "c"));
                String token = "bench-" + UUID.randomUUID();
                creating.add(pool.submit(() -> {
                    EndpointService s = gateway.createEndpointService(provider, new EndpointServiceRequest(List.of(nlb),
                            false, null, Set.of(), Set.of(), token));
                    gateway.modifyServicePermissions(provider, s.serviceId(), Set.of("*"), Set.of());
                    return s;
                }));
            }
            List<EndpointService> services = new ArrayList<>();
            for (Future<EndpointService> f : creating) {
                services.add(f.get());
            }
            tx.executeWithoutResult(s -> {
                AwsAccount providerAccount = accounts.findByAccountId(PROVIDER_ACCOUNT).orElseThrow();
                for (int i = 0; i < services.size(); i++) {
                    EndpointService service = services.get(i);
                    ServiceListing listing = new ServiceListing(providerAccount.getTeam().getId(),
                            providerAccount.getTeam().getName(), providerAccount.getId(), "us-east-1",
                            "bench-" + i + "-" + service.serviceId(), "Benchmark service", ApprovalPolicy.ADMIN,
                            Instant.now());
                    listing.published(service.serviceId(), service.serviceName(), service.availabilityZones().stream()
                            .map(AvailabilityZone::id).collect(Collectors.toSet()), null, null, null, Instant.now());
                    listings.save(listing);
                }
            });
            List<Future<?>> endpoints = new ArrayList<>();
            for (int i = 0; i < services.size(); i++) {
                EndpointService service = services.get(i);
                Set<String> zones = service.availabilityZones().stream().map(AvailabilityZone::id)
                        .collect(Collectors.toSet());
                // zone names map to different zone IDs per account: only consumers with a subnet in the service's zones
                int made = 0;
                for (int c = i * CONNECTIONS; made < CONNECTIONS && c < i * CONNECTIONS + CONSUMERS; c++) {
                    Consumer consumer = consumers.get(c % CONSUMERS);
                    List<String> subnets = consumer.subnets().stream()
                            .filter(sub -> zones.contains(sub.availabilityZoneId())).map(Subnet::subnetId).toList();
                    if (subnets.isEmpty()) {
                        continue;
                    }
                    made++;
                    endpoints.add(pool.submit(() -> gateway.createInterfaceEndpoint(consumer.target(),
                            new InterfaceEndpointRequest(UUID.randomUUID().toString(), consumer.vpcId(),
                                    service.serviceName(), subnets, List.of(consumer.groupId()), false, null))));
                }
            }
            for (Future<?> f : endpoints) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("%nBENCHMARK reconcile setup: %d services, %d endpoints created in %d s%n", SERVICES,
                SERVICES * CONNECTIONS, (System.nanoTime() - setupStart) / 1_000_000_000);

        for (String run : List.of("first (every connection new)", "second (steady state)")) {
            SandboxStats before = sandbox.control().stats();
            Reconciler.Report report = reconciler.reconcile();
            SandboxStats after = sandbox.control().stats();
            Map<String, Long> calls = new TreeMap<>();
            after.requests().forEach((action, n) -> {
                long d = n - before.requests(action);
                if (d > 0) {
                    calls.put(action, d);
                }
            });
            System.out.printf("BENCHMARK reconcile %s: %d services, %d Linkport endpoints, %d findings, %d errors in %d ms;"
                            + " AWS calls %s (total %d), throttled by the sandbox: %d%n", run, report.services(),
                    report.endpoints(), report.findings(), report.errors(), report.duration().toMillis(), calls,
                    calls.values().stream().mapToLong(Long::longValue).sum(), after.throttled() - before.throttled());
            assertThat(report.services()).isGreaterThanOrEqualTo(SERVICES);
            assertThat(report.errors()).isZero();
            assertThat(after.throttled() - before.throttled()).isZero();
        }
    }

    private static AwsTarget target(String account) {
        return new AwsTarget(account, "us-east-1", "arn:aws:iam::" + account + ":role/LinkportAccess", "demo-" + account,
                null);
    }
}
