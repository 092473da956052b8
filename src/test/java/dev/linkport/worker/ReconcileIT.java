package dev.linkport.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import dev.linkport.aws.AwsTarget;
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
import dev.linkport.support.TestUsers;
import dev.linkport.worker.DriftKind;
import dev.linkport.worker.Reconciler;
import dev.linkport.worker.service.OperationsService;
import dev.linkport.worker.service.OperationsService.DriftRow;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

        // seen again: same row, later last-seen time
        java.time.Instant firstLastSeen = seen.getFirst().getLastSeenAt();
        reconciler.reconcile();
        assertThat(connections.findByListingIdOrderByFirstSeenAt(service.id())).singleElement()
                .satisfies(c -> assertThat(c.getLastSeenAt()).isAfter(firstLastSeen));
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

    /**
     * The cost of a run is a·services + b AWS calls: two Describe calls per service, plus one
     * DescribeVpcEndpoints per consumer account and region (whatever the number of endpoints), and
     * none of them reaches AWS's throttling.
     */
    @Test
    void theCallCountGrowsLinearlyWithTheNumberOfServicesAndStaysWithinTheRateLimits() {
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
        for (Run r : List.of(before, after)) {
            assertThat(r.calls("DescribeVpcEndpointConnections")).isEqualTo(r.report().services());
            assertThat(r.calls("DescribeVpcEndpointServicePermissions")).isEqualTo(r.report().services());
            assertThat(r.calls("DescribeVpcEndpoints")).isEqualTo(r.report().accountRegions());
            assertThat(r.report().errors()).isZero();
        }
        long a = (after.total() - before.total()) / (after.report().services() - before.report().services());
        assertThat(a).as("AWS calls per service").isEqualTo(2);
        assertThat(after.total() - a * after.report().services()).as("calls independent of services")
                .isEqualTo(after.report().accountRegions());
        assertThat(after.throttled()).as("RequestLimitExceeded answers from the sandbox").isZero();
        System.out.printf("%nRECONCILE %d services, %d endpoints: %d AWS calls in %d ms%n", after.report().services(),
                after.report().endpoints(), after.total(), after.report().duration().toMillis());
    }

    record Run(Reconciler.Report report, SandboxStats before, SandboxStats after) {
        long calls(String action) {
            return after.requests(action) - before.requests(action);
        }

        long total() {
            return calls("DescribeVpcEndpointConnections") + calls("DescribeVpcEndpointServicePermissions")
                    + calls("DescribeVpcEndpoints");
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
