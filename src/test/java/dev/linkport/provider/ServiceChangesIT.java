package dev.linkport.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.linkport.aws.AvailabilityZone;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.EndpointService;
import dev.linkport.aws.NetworkLoadBalancer;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ListingService;
import dev.linkport.catalog.service.PrivateDnsCommand;
import dev.linkport.catalog.service.PrivateDnsService;
import dev.linkport.catalog.service.PrivateDnsStatus;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.consumer.service.SubmitEndpointRequest;
import dev.linkport.identity.service.AccountResources;
import dev.linkport.notification.NotificationKind;
import dev.linkport.notification.service.NotificationService;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.provider.service.LoadBalancerChange;
import dev.linkport.provider.service.LoadBalancerChanges;
import dev.linkport.provider.service.ZoneImpact;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.TestUsers;
import dev.linkport.worker.DriftKind;
import dev.linkport.worker.Reconciler;
import dev.linkport.worker.service.OperationsService;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Changing a published service in AWS: its load balancers (with the warning about the zones it leaves and the
 * consumers there) and its private DNS name; and a private DNS name that AWS stops reporting as verified.
 */
@LinkportIntegrationTest
class ServiceChangesIT {

    static final String PROVIDER_ACCOUNT = "111111111111";
    static final AwsTarget PROVIDER = new AwsTarget(PROVIDER_ACCOUNT, "us-east-1",
            "arn:aws:iam::" + PROVIDER_ACCOUNT + ":role/LinkportAccess", "demo-" + PROVIDER_ACCOUNT, null);

    @Autowired TestUsers users;
    @Autowired LoopFixture loop;
    @Autowired LoadBalancerChanges loadBalancers;
    @Autowired ListingService listings;
    @Autowired PrivateDnsService privateDns;
    @Autowired EndpointRequestService requests;
    @Autowired AccountResources resources;
    @Autowired PrivateLinkGateway gateway;
    @Autowired SandboxLifecycle sandbox;
    @Autowired Reconciler reconciler;
    @Autowired NotificationService notifications;
    @Autowired OperationsService operations;
    @Autowired JdbcClient jdbc;

    @Test
    void aLoadBalancerAddedToALiveServiceFrontsItInAwsWithItsZonesAndIsAudited() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-api");
        String added = newLoadBalancer(List.of("c"));
        Set<String> zonesOfAdded = zonesOf(added);
        assertThat(service.availabilityZoneIds()).doesNotContainAnyElementsOf(zonesOfAdded);

        ZoneImpact impact = users.as("alice", () -> loadBalancers.change(
                new LoadBalancerChange(service.id(), service.version(), List.of(added), List.of(), false)));

        assertThat(impact.scheduled()).isTrue();
        assertThat(impact.losesZones()).isFalse();
        assertThat(impact.warning()).isNull();
        Set<String> allZones = new TreeSet<>(service.availabilityZoneIds());
        allZones.addAll(zonesOfAdded);
        assertThat(impact.zonesAfter()).isEqualTo(allZones);
        EndpointService inAws = awaitInAws(service.serviceId(), s -> s.networkLoadBalancerArns().contains(added));
        assertThat(inAws.networkLoadBalancerArns()).containsExactlyInAnyOrder(added, service.loadBalancerArns().getFirst());
        assertThat(inAws.availabilityZones().stream().map(AvailabilityZone::id)).containsExactlyInAnyOrderElementsOf(allZones);
        await().atMost(Duration.ofSeconds(60)).until(
                () -> users.as("alice", () -> listings.detail(service.id())).availabilityZoneIds(), allZones::equals);
        assertThat(auditActions(service.id())).contains("SERVICE_LOAD_BALANCERS_CHANGED", "SERVICE_MODIFIED");

        // AWS refuses a load balancer that already fronts another endpoint service, and so does Linkport, up front
        ServiceDetail other = loop.publishedService(ApprovalPolicy.AUTO, "payments-ledger");
        assertThatThrownBy(() -> users.as("alice", () -> loadBalancers.preview(
                new LoadBalancerChange(other.id(), null, List.of(added), List.of(), false))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already fronts endpoint service")
                .hasMessageContaining(service.serviceId());
        // the last load balancer stays, and only the owners change them
        assertThatThrownBy(() -> users.as("alice", () -> loadBalancers.preview(new LoadBalancerChange(other.id(),
                null, List.of(), other.loadBalancerArns(), false))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least one load balancer");
        assertThatThrownBy(() -> users.as("bob", () -> loadBalancers.preview(
                new LoadBalancerChange(other.id(), null, List.of(added), List.of(), false))))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void removingALoadBalancerWarnsOfTheZoneItLeavesAndTheConsumersWithEndpointsThereUntilConfirmed() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-ledger");
        String ledger = service.loadBalancerArns().getFirst();
        SubmitEndpointRequest shape = loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, service);
        EndpointRequestDetails request = users.as("bob", () -> requests.submit(shape));
        String endpointId = loop.awaitState("bob", request.id(), EndpointState.AVAILABLE, Duration.ofSeconds(60))
                .vpcEndpointId();
        // zone names differ per account: leave one zone (by ID) in which bob's endpoint has a subnet
        String zone = users.as("bob", () -> resources.subnets(LoopFixture.BOB_ACCOUNT, "us-east-1", shape.vpcId()))
                .stream().filter(s -> shape.subnetIds().contains(s.subnetId())).map(s -> s.availabilityZoneId())
                .findFirst().orElseThrow();
        List<String> otherLetters = balancer(ledger).availabilityZones().stream().filter(z -> !z.id().equals(zone))
                .map(z -> z.name().substring("us-east-1".length())).toList();
        String narrower = newLoadBalancer(otherLetters);
        users.run("alice", () -> loadBalancers.change(
                new LoadBalancerChange(service.id(), null, List.of(narrower), List.of(), false)));
        awaitInAws(service.serviceId(), s -> s.networkLoadBalancerArns().contains(narrower));
        Set<String> lost = new TreeSet<>(service.availabilityZoneIds());
        lost.removeAll(zonesOf(narrower));
        assertThat(lost).containsExactly(zone);

        LoadBalancerChange removeLedger = new LoadBalancerChange(service.id(), null, List.of(), List.of(ledger), false);
        ZoneImpact preview = users.as("alice", () -> loadBalancers.preview(removeLedger));

        assertThat(preview.scheduled()).isFalse();
        assertThat(preview.zonesLost()).containsExactly(zone);
        assertThat(preview.affected()).singleElement().satisfies(a -> {
            assertThat(a.vpcEndpointId()).isEqualTo(endpointId);
            assertThat(a.accountId()).isEqualTo(LoopFixture.BOB_ACCOUNT);
            assertThat(a.zonesLost()).containsExactly(zone);
            assertThat(a.team()).isNotBlank();
        });
        String team = preview.affected().getFirst().team();
        assertThat(preview.warning()).contains(zone).contains(endpointId).contains(team);
        assertThat(gateway.describeEndpointService(PROVIDER, service.serviceId()).orElseThrow()
                .networkLoadBalancerArns()).contains(ledger);

        assertThatThrownBy(() -> users.as("alice", () -> loadBalancers.change(removeLedger)))
                .isInstanceOf(ConflictException.class).hasMessageContaining(zone).hasMessageContaining(endpointId)
                .hasMessageContaining("Confirm");

        ZoneImpact done = users.as("alice", () -> loadBalancers.change(
                new LoadBalancerChange(service.id(), null, List.of(), List.of(ledger), true)));
        assertThat(done.scheduled()).isTrue();
        EndpointService inAws = awaitInAws(service.serviceId(), s -> !s.networkLoadBalancerArns().contains(ledger));
        assertThat(inAws.networkLoadBalancerArns()).containsExactly(narrower);
        assertThat(inAws.availabilityZones().stream().map(AvailabilityZone::id)).doesNotContain(zone);
        await().atMost(Duration.ofSeconds(60)).until(
                () -> users.as("alice", () -> listings.detail(service.id())).availabilityZoneIds(), z -> !z.contains(zone));
        assertThat(jdbc.sql("select reason from audit_event where action = 'SERVICE_LOAD_BALANCERS_CHANGED'"
                        + " and target_id = ? order by id desc limit 1").param(service.id().toString())
                .query(String.class).single()).contains(zone).contains(endpointId);
    }

    @Test
    void removingThePrivateDnsNameRemovesItInAws() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-api");
        String name = "rm-" + UUID.randomUUID().toString().substring(0, 8) + ".payments.example.com";
        users.run("alice", () -> privateDns.setPrivateDns(new PrivateDnsCommand(service.id(), name)));
        awaitInAws(service.serviceId(), s -> s.privateDnsConfiguration().isPresent());

        PrivateDnsStatus removed = users.as("alice", () -> privateDns.removePrivateDns(service.id()));

        assertThat(removed.name()).isNull();
        awaitInAws(service.serviceId(), s -> s.privateDnsConfiguration().isEmpty());
        assertThat(auditActions(service.id())).contains("SERVICE_PRIVATE_DNS_REMOVED");
        assertThatThrownBy(() -> users.as("alice", () -> privateDns.removePrivateDns(service.id())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("no private DNS name");
        assertThatThrownBy(() -> users.as("bob", () -> privateDns.removePrivateDns(service.id())))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aVerifiedNameThatAwsStopsVerifyingBecomesAWarningAndOneNotificationAndClearsWhenVerifiedAgain() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-api");
        String name = "lost-" + UUID.randomUUID().toString().substring(0, 8) + ".payments.example.com";
        users.run("alice", () -> privateDns.setPrivateDns(new PrivateDnsCommand(service.id(), name)));
        await().atMost(Duration.ofSeconds(120)).until(
                () -> users.as("alice", () -> privateDns.privateDns(service.id())).txtRecordName() != null);
        users.run("alice", () -> privateDns.publishTxtRecordInSandbox(service.id()));
        users.run("alice", () -> privateDns.verifyPrivateDns(service.id()));
        await().atMost(Duration.ofSeconds(120)).until(
                () -> users.as("alice", () -> privateDns.privateDns(service.id())).verified());
        assertThat(users.as("alice", () -> listings.detail(service.id())).privateDnsWarning()).isNull();

        sandbox.control().privateDnsState(service.serviceId(), "failed");
        reconciler.reconcile();

        ServiceDetail warned = users.as("bob", () -> listings.detail(service.id()));
        assertThat(warned.privateDnsState()).isEqualTo("failed");
        assertThat(warned.privateDnsWarning()).contains(name).contains("failed");
        assertThat(users.as("alice", () -> privateDns.privateDns(service.id())).warning()).contains(name);
        assertThat(users.as("alice", () -> listings.owned(0, 10_000)).stream()
                .filter(s -> s.id().equals(service.id())).findFirst().orElseThrow().warning()).contains(name);
        await().atMost(Duration.ofSeconds(60)).until(() -> lostNotifications(service).size() == 1);
        assertThat(lostNotifications(service).getFirst()).contains(name);
        assertThat(openFinding(service)).isTrue();

        reconciler.reconcile(); // nothing new: no second loss, no second notification
        assertThat(auditActions(service.id()).stream().filter("SERVICE_PRIVATE_DNS_LOST"::equals)).hasSize(1);
        assertThat(lostNotifications(service)).hasSize(1);
        assertThat(users.as("alice", () -> listings.detail(service.id())).privateDnsWarning()).isNotNull();

        sandbox.control().privateDnsState(service.serviceId(), "verified");
        reconciler.reconcile();

        ServiceDetail cleared = users.as("alice", () -> listings.detail(service.id()));
        assertThat(cleared.privateDnsState()).isEqualTo("verified");
        assertThat(cleared.privateDnsWarning()).isNull();
        assertThat(openFinding(service)).isFalse();
        assertThat(auditActions(service.id())).contains("SERVICE_PRIVATE_DNS_VERIFIED_AGAIN");
    }

    private String newLoadBalancer(List<String> zoneLetters) {
        return sandbox.control().createLoadBalancer(PROVIDER_ACCOUNT, "us-east-1",
                "chg-" + UUID.randomUUID().toString().substring(0, 8), zoneLetters);
    }

    private Set<String> zonesOf(String arn) {
        return balancer(arn).availabilityZones().stream().map(AvailabilityZone::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private NetworkLoadBalancer balancer(String arn) {
        return users.as("alice", () -> resources.loadBalancers(PROVIDER_ACCOUNT, "us-east-1"))
                .stream().filter(b -> b.arn().equals(arn)).findFirst().orElseThrow();
    }

    private EndpointService awaitInAws(String serviceId, java.util.function.Predicate<EndpointService> done) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> gateway.describeEndpointService(PROVIDER, serviceId).orElseThrow(), done::test);
        return gateway.describeEndpointService(PROVIDER, serviceId).orElseThrow();
    }

    private List<String> auditActions(UUID listingId) {
        return jdbc.sql("select action from audit_event where target_id = ? order by id")
                .param(listingId.toString()).query(String.class).list();
    }

    private List<String> lostNotifications(ServiceDetail service) {
        return users.as("alice", () -> notifications.mine(0, 500)).stream()
                .filter(n -> n.kind() == NotificationKind.PRIVATE_DNS_UNVERIFIED && n.title().contains(service.name()))
                .map(n -> n.title() + " " + n.body()).toList();
    }

    private boolean openFinding(ServiceDetail service) {
        return users.as("admin", () -> operations.drift(false, 0, 10_000)).stream()
                .anyMatch(d -> d.kind() == DriftKind.PRIVATE_DNS_UNVERIFIED && service.id().equals(d.listingId()));
    }
}
