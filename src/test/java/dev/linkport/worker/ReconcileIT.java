package dev.linkport.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.EndpointServiceChanges;
import dev.linkport.aws.InterfaceEndpoint;
import dev.linkport.aws.InterfaceEndpointRequest;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.consumer.service.SubmitEndpointRequest;
import dev.linkport.platform.NotFoundException;
import dev.linkport.provider.PrincipalSource;
import dev.linkport.provider.PrincipalSyncState;
import dev.linkport.provider.domain.AllowedPrincipal;
import dev.linkport.provider.domain.AllowedPrincipalRepository;
import dev.linkport.provider.domain.ObservedConnection;
import dev.linkport.provider.domain.ObservedConnectionRepository;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.sandbox.SandboxStats;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.ScaleSeed;
import dev.linkport.support.TestUsers;
import dev.linkport.worker.DriftKind;
import dev.linkport.worker.Reconciler;
import dev.linkport.worker.service.OperationsService;
import dev.linkport.worker.service.OperationsService.DriftRow;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reconciliation against the sandbox: changes made in AWS behind Linkport's back become visible. */
@LinkportIntegrationTest
class ReconcileIT {

    static final String BOB = LoopFixture.BOB_ACCOUNT;
    static final String CAROL = LoopFixture.CAROL_ACCOUNT;
    static final AwsTarget PROVIDER = target("111111111111");

    @Autowired TestUsers users;
    @Autowired LoopFixture loop;
    @Autowired EndpointRequestService requests;
    @Autowired PrivateLinkGateway gateway;
    @Autowired SandboxLifecycle sandbox;
    @Autowired Reconciler reconciler;
    @Autowired OperationsService operations;
    @Autowired ObservedConnectionRepository connections;
    @Autowired AllowedPrincipalRepository principals;
    @Autowired JdbcClient jdbc;
    @Autowired ReconcileProperties properties;
    @Autowired ScaleSeed seed;

    static AwsTarget target(String account) {
        return new AwsTarget(account, "us-east-1", "arn:aws:iam::" + account + ":role/LinkportAccess", "demo-" + account,
                null);
    }

    @Test
    void anEndpointDeletedInAwsBehindLinkportsBackMovesItsRequestToDriftedWithATimelineEntry() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-api");
        EndpointRequestDetails request = users.as("bob", () -> requests.submit(loop.requestFor("bob", BOB, service)));
        String endpointId = loop.awaitState("bob", request.id(), EndpointState.AVAILABLE, Duration.ofSeconds(60)).vpcEndpointId();

        gateway.deleteInterfaceEndpoints(target(BOB), List.of(endpointId));
        await().atMost(Duration.ofSeconds(10)).until(() -> gone(gateway.describeInterfaceEndpoint(target(BOB), endpointId)));
        reconciler.reconcile();

        EndpointRequestDetails drifted = loop.awaitState("bob", request.id(), EndpointState.DRIFTED, Duration.ofSeconds(5));
        EndpointRequestDetails.TimelineEntry last = drifted.timeline().getLast();
        assertThat(last.from()).isEqualTo(EndpointState.AVAILABLE);
        assertThat(last.to()).isEqualTo(EndpointState.DRIFTED);
        assertThat(last.reason()).contains(endpointId).contains(BOB).contains("deleted outside Linkport");
        List<DriftRow> open = users.as("admin", () -> operations.drift(false, 0, 1000));
        assertThat(open).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo(DriftKind.ENDPOINT_GONE);
            assertThat(d.requestId()).isEqualTo(request.id());
        });

        // a second run finds nothing new and keeps one open finding
        reconciler.reconcile();
        assertThat(users.as("admin", () -> operations.drift(false, 0, 1000)))
                .filteredOn(d -> request.id().equals(d.requestId())).hasSize(1);

        // an admin resolves it; it is then no longer open
        DriftRow finding = users.as("admin", () -> operations.drift(false, 0, 1000)).stream()
                .filter(d -> request.id().equals(d.requestId())).findFirst().orElseThrow();
        users.run("admin", () -> operations.resolveDrift(finding.id()));
        assertThat(users.as("admin", () -> operations.drift(false, 0, 1000))).noneMatch(d -> d.id().equals(finding.id()));
        assertThatThrownBy(() -> users.run("admin", () -> operations.resolveDrift(finding.id())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anEndpointCreatedDirectlyInAwsAppearsAsAnObservedConnectionAndItsPrincipalAsDrift() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.ADMIN, "payments-ledger");
        SubmitEndpointRequest shape = loop.requestFor("carol", CAROL, service);
        String principal = "arn:aws:iam::" + CAROL + ":root";
        gateway.modifyServicePermissions(PROVIDER, service.serviceId(), Set.of(principal), Set.of());
        InterfaceEndpoint outside = gateway.createInterfaceEndpoint(target(CAROL), new InterfaceEndpointRequest(
                UUID.randomUUID().toString(), shape.vpcId(), service.serviceName(), shape.subnetIds(),
                shape.securityGroupIds(), false, null));

        reconciler.reconcile();

        List<ObservedConnection> seen = connections.findByListingIdOrderByFirstSeenAt(service.id());
        assertThat(seen).singleElement().satisfies(c -> {
            assertThat(c.getVpcEndpointId()).isEqualTo(outside.endpointId());
            assertThat(c.getOwnerAccountId()).isEqualTo(CAROL);
            assertThat(c.getRequestId()).isNull();
            assertThat(c.getFirstSeenAt()).isNotNull();
        });
        Optional<AllowedPrincipal> recorded = principals.findByListingIdAndArn(service.id(), principal);
        assertThat(recorded).hasValueSatisfying(p -> {
            assertThat(p.getSource()).isEqualTo(PrincipalSource.OBSERVED);
            assertThat(p.getSyncState()).isEqualTo(PrincipalSyncState.DRIFTED);
        });
        assertThat(users.as("admin", () -> operations.drift(false, 0, 1000)))
                .extracting(DriftRow::kind, DriftRow::listingId)
                .contains(org.assertj.core.groups.Tuple.tuple(DriftKind.OUT_OF_BAND_CONNECTION, service.id()),
                        org.assertj.core.groups.Tuple.tuple(DriftKind.PRINCIPAL_ADDED_OUTSIDE, service.id()));

        // seen again unchanged: the row is not written again
        ObservedConnection first = seen.getFirst();
        reconciler.reconcile();
        assertThat(connections.findByListingIdOrderByFirstSeenAt(service.id())).singleElement().satisfies(c -> {
            assertThat(c.getLastSeenAt()).isEqualTo(first.getLastSeenAt());
            assertThat(c.getVersion()).isEqualTo(first.getVersion());
        });
    }

    @Test
    void aPrincipalRemovedInAwsIsMarkedDrifted() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-api");
        EndpointRequestDetails request = users.as("bob", () -> requests.submit(loop.requestFor("bob", BOB, service)));
        loop.awaitState("bob", request.id(), EndpointState.AVAILABLE, Duration.ofSeconds(60));
        String principal = "arn:aws:iam::" + BOB + ":root";
        assertThat(principals.findByListingIdAndArn(service.id(), principal)).get()
                .extracting(AllowedPrincipal::getSyncState).isEqualTo(PrincipalSyncState.IN_SYNC);

        gateway.modifyServicePermissions(PROVIDER, service.serviceId(), Set.of(), Set.of(principal));
        reconciler.reconcile();

        assertThat(principals.findByListingIdAndArn(service.id(), principal)).get()
                .extracting(AllowedPrincipal::getSyncState).isEqualTo(PrincipalSyncState.DRIFTED);
        assertThat(users.as("admin", () -> operations.drift(false, 0, 1000)))
                .anySatisfy(d -> assertThat(d.kind() + " " + d.subject())
                        .isEqualTo("PRINCIPAL_REMOVED_OUTSIDE " + service.serviceId() + " " + principal));
    }

    @Test
    void aServiceChangedOutsideLinkportIsDriftUntilItMatchesAgain() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.ADMIN, "payments-api");
        String subject = service.serviceId() + " settings";
        gateway.modifyEndpointService(PROVIDER, service.serviceId(), new EndpointServiceChanges(false, null, false,
                Set.of("eu-west-1"), Set.of(), Set.of(), Set.of(), Set.of(), Set.of()));

        reconciler.reconcile();

        assertThat(openFindings(service)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DriftKind.SERVICE_CHANGED_OUTSIDE);
            assertThat(d.subject()).isEqualTo(subject);
            assertThat(d.detail()).contains("acceptance is automatic in AWS, required in Linkport")
                    .contains("supported regions are [eu-west-1] in AWS, [] in Linkport");
        });

        // put back in AWS: the finding closes on the next run
        gateway.modifyEndpointService(PROVIDER, service.serviceId(), new EndpointServiceChanges(true, null, false,
                Set.of(), Set.of("eu-west-1"), Set.of(), Set.of(), Set.of(), Set.of()));
        reconciler.reconcile();
        assertThat(openFindings(service)).isEmpty();
    }

    @Test
    void aServiceDeletedOutsideLinkportIsDrift() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.ADMIN, "payments-ledger");
        assertThat(gateway.deleteEndpointServices(PROVIDER, List.of(service.serviceId()))).isEmpty();

        reconciler.reconcile();

        assertThat(openFindings(service)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DriftKind.SERVICE_DELETED_OUTSIDE);
            assertThat(d.detail()).contains(service.serviceId()).contains("deleted outside Linkport");
        });
    }

    /**
     * The cost of a run does not grow with the number of services: per provider account and region one
     * paginated read of its services and one of all their connections, per consumer account and region
     * one DescribeVpcEndpoints per 100 endpoints, and the allowed principals of a bounded share of the
     * services. None of them reaches AWS's throttling.
     */
    @Test
    void theCallCountDependsOnAccountsNotOnServices() {
        ServiceDetail first = loop.publishedService(ApprovalPolicy.AUTO, "payments-api");
        EndpointRequestDetails request = users.as("bob", () -> requests.submit(loop.requestFor("bob", BOB, first)));
        loop.awaitState("bob", request.id(), EndpointState.AVAILABLE, Duration.ofSeconds(60));
        awaitNoJobs();

        Run before = run();
        for (int i = 0; i < 10; i++) {
            loop.publishedService(ApprovalPolicy.ADMIN, i % 2 == 0 ? "payments-api" : "payments-ledger");
        }
        awaitNoJobs();
        Run after = run();

        assertThat(after.report().services()).isEqualTo(before.report().services() + 10);
        assertThat(after.report().providerRegions()).isEqualTo(before.report().providerRegions());
        for (Run r : List.of(before, after)) {
            assertThat(r.calls("DescribeVpcEndpointServiceConfigurations")).isEqualTo(r.report().providerRegions());
            assertThat(r.calls("DescribeVpcEndpointConnections")).isEqualTo(r.report().providerRegions());
            assertThat(r.calls("DescribeVpcEndpoints")).isEqualTo(r.report().accountRegions());
            assertThat(r.calls("DescribeVpcEndpointServicePermissions")).isEqualTo(r.report().permissionReads())
                    .isLessThanOrEqualTo(properties.maxPermissionReads() * r.report().providerRegions());
            assertThat(r.report().errors()).isZero();
        }
        assertThat(after.reads()).as("reads of services and connections")
                .isEqualTo(before.reads());
        assertThat(after.throttled()).as("RequestLimitExceeded answers from the sandbox").isZero();
        System.out.printf("%nRECONCILE %d services, %d endpoints: %d AWS calls in %d ms%n", after.report().services(),
                after.report().endpoints(), after.total(), after.report().duration().toMillis());
    }

    /**
     * 100,000 listings of one provider account: one run reads them in 100 pages and finds nothing to
     * change (once it failed on a query with one parameter per listing).
     */
    @Test
    void aHundredThousandListingsAreReconciledInOneRun() {
        long started = System.nanoTime();
        ScaleSeed.Provider provider = seed.provider("444444444444", "us-east-1");
        List<String> services = seed.services(provider, 100_000);
        long seeded = System.nanoTime();
        try {
            List<String> connected = seed.connections(services.subList(0, 3), CAROL, 2);

            Run run = run();
            System.out.printf("%nRECONCILE 100,000 listings: seeded in %d ms%n", (seeded - started) / 1_000_000);

            assertThat(run.report().errors()).isZero();
            assertThat(run.report().services()).isGreaterThanOrEqualTo(100_000);
            assertThat(run.calls("DescribeVpcEndpointServiceConfigurations"))
                    .as("pages of 1,000 services").isEqualTo(100 + run.report().providerRegions() - 1);
            assertThat(run.report().permissionReads())
                    .isLessThanOrEqualTo(properties.maxPermissionReads() * run.report().providerRegions());
            assertThat(jdbc.sql("""
                            select count(*) from drift_finding f join service_listing l on l.id = f.listing_id
                            where l.provider_account_id = ? and f.resolved_at is null and f.kind like 'SERVICE_%'""")
                    .param(provider.id()).query(Long.class).single()).as("settings drift").isZero();
            assertThat(jdbc.sql("select vpc_endpoint_id from observed_connection where vpc_endpoint_id = any(?)")
                    .param(connected.toArray(String[]::new)).query(String.class).list())
                    .as("connections made outside Linkport").containsExactlyInAnyOrderElementsOf(connected);
            System.out.printf("%nRECONCILE 100,000 listings: %d services, %d AWS calls %s in %d ms%n",
                    run.report().services(), run.allCalls().values().stream().mapToLong(Long::longValue).sum(),
                    run.allCalls(), run.report().duration().toMillis());
        } finally {
            long removing = System.nanoTime();
            seed.remove(services);
            System.out.printf("RECONCILE 100,000 listings: removed in %d ms%n", (System.nanoTime() - removing) / 1_000_000);
        }
    }

    private List<DriftRow> openFindings(ServiceDetail service) {
        return users.as("admin", () -> operations.drift(false, 0, 1000)).stream()
                .filter(d -> service.id().equals(d.listingId())).toList();
    }

    record Run(Reconciler.Report report, SandboxStats before, SandboxStats after) {
        long calls(String action) {
            return after.requests(action) - before.requests(action);
        }

        long reads() {
            return calls("DescribeVpcEndpointServiceConfigurations") + calls("DescribeVpcEndpointConnections");
        }

        long total() {
            return allCalls().values().stream().mapToLong(Long::longValue).sum();
        }

        Map<String, Long> allCalls() {
            Map<String, Long> calls = new TreeMap<>();
            after.requests().forEach((action, n) -> {
                if (n - before.requests(action) > 0) {
                    calls.put(action, n - before.requests(action));
                }
            });
            return calls;
        }

        long throttled() {
            return after.throttled() - before.throttled();
        }
    }

    private Run run() {
        SandboxStats before = sandbox.control().stats();
        Reconciler.Report report = reconciler.reconcile();
        return new Run(report, before, sandbox.control().stats());
    }

    private void awaitNoJobs() {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "select count(*) from scheduled_tasks where task_instance <> ?").param(RecurringTask.INSTANCE)
                .query(Long.class).single() == 0);
    }

    private static boolean gone(Optional<InterfaceEndpoint> endpoint) {
        return endpoint.isEmpty() || endpoint.get().state().equals("deleted");
    }
}
