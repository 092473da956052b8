package dev.linkport.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.linkport.approval.service.ApprovalService;
import dev.linkport.aws.NetworkLoadBalancer;
import dev.linkport.aws.SecurityGroup;
import dev.linkport.aws.Subnet;
import dev.linkport.aws.Vpc;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.ListingState;
import dev.linkport.catalog.service.CatalogService;
import dev.linkport.catalog.service.CatalogService.CatalogQuery;
import dev.linkport.catalog.service.ListingService;
import dev.linkport.catalog.service.PublishServiceCommand;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.consumer.service.SubmitEndpointRequest;
import dev.linkport.identity.service.AccountResources;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.FieldError;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The core loop through the services, against the built-in sandbox: publish → request → approve → available → delete. */
@LinkportIntegrationTest
class CoreLoopIT {

    @Autowired TestUsers users;
    @Autowired ListingService listings;
    @Autowired CatalogService catalog;
    @Autowired EndpointRequestService requests;
    @Autowired ApprovalService approvals;
    @Autowired AccountResources resources;

    @Test
    void aServiceIsPublishedRequestedApprovedProvisionedAndDeleted() {
        ServiceDetail service = publish("ledger-" + UUID.randomUUID().toString().substring(0, 8), ApprovalPolicy.ADMIN,
                "payments-ledger");
        assertThat(service.serviceName()).startsWith("com.amazonaws.vpce.us-east-1.vpce-svc-");
        assertThat(service.availabilityZoneIds()).hasSize(3);
        assertThat(users.as("bob", () -> catalog.search(new CatalogQuery(service.name(), null, null, null), 0, 10)))
                .extracting(CatalogService.CatalogEntry::id).containsExactly(service.id());

        EndpointRequestDetails request = users.as("bob", () -> requests.submit(submit(service, supportedSubnets(service))));
        assertThat(request.state()).isEqualTo(EndpointState.SUBMITTED);

        assertThatThrownBy(() -> users.as("alice", () -> approvals.approve(request.id(), null)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.as("carol", () -> requests.detail(request.id())))
                .isInstanceOf(NotFoundException.class);

        users.run("admin", () -> approvals.approve(request.id(), "ok"));
        assertThatThrownBy(() -> users.as("admin", () -> approvals.approve(request.id(), "again")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already decided by admin");

        EndpointRequestDetails available = awaitState("bob", request.id(), EndpointState.AVAILABLE);
        assertThat(available.vpcEndpointId()).startsWith("vpce-");
        assertThat(available.dnsRegional()).endsWith(".vpce.amazonaws.com");
        assertThat(available.timeline()).extracting(EndpointRequestDetails.TimelineEntry::to)
                .containsSubsequence(EndpointState.SUBMITTED, EndpointState.APPROVED, EndpointState.PROVISIONING, EndpointState.AVAILABLE);

        users.run("bob", () -> requests.delete(request.id()));
        awaitState("bob", request.id(), EndpointState.DELETED);
    }

    @Test
    void aSubnetInAZoneTheServiceDoesNotCoverIsRefusedWithAFieldError() {
        ServiceDetail service = publish("api-" + UUID.randomUUID().toString().substring(0, 8), ApprovalPolicy.AUTO,
                "payments-api");
        List<Subnet> all = users.as("bob", () -> resources.subnets("222222222222", "us-east-1", bobVpc()));
        Subnet outside = all.stream().filter(s -> !service.availabilityZoneIds().contains(s.availabilityZoneId()))
                .findFirst().orElseThrow();
        assertThatThrownBy(() -> users.as("bob", () -> requests.submit(submit(service, List.of(outside.subnetId())))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("subnetIds"))
                .hasMessageContaining("a zone the service does not cover");
    }

    @Test
    void theAutoPolicyApprovesAtOnceAndTheEndpointBecomesAvailable() {
        ServiceDetail service = publish("auto-" + UUID.randomUUID().toString().substring(0, 8), ApprovalPolicy.AUTO,
                "payments-api");
        EndpointRequestDetails request = users.as("bob", () -> requests.submit(submit(service, supportedSubnets(service))));
        assertThat(request.state()).isEqualTo(EndpointState.APPROVED);
        awaitState("bob", request.id(), EndpointState.AVAILABLE);
    }

    private ServiceDetail publish(String name, ApprovalPolicy policy, String nlbName) {
        String nlb = users.as("alice", () -> resources.loadBalancers("111111111111", "us-east-1")).stream()
                .filter(l -> l.name().equals(nlbName)).map(NetworkLoadBalancer::arn).findFirst().orElseThrow();
        ServiceDetail published = users.as("alice", () -> listings.publish(new PublishServiceCommand(name,
                "A test service", "Testing the loop", Set.of("test"), null, "#payments", "443", "111111111111",
                "us-east-1", List.of(nlb), true, policy, null, Set.of(), null, Set.of())));
        assertThat(published.state()).isEqualTo(ListingState.PUBLISHING);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> users.as("alice", () -> listings.detail(published.id())).state(), s -> s != ListingState.PUBLISHING);
        ServiceDetail detail = users.as("alice", () -> listings.detail(published.id()));
        assertThat(detail.state()).as(detail.failureReason()).isEqualTo(ListingState.AVAILABLE);
        return detail;
    }

    private String bobVpc() {
        return users.as("bob", () -> resources.vpcs("222222222222", "us-east-1")).stream().map(Vpc::vpcId)
                .findFirst().orElseThrow();
    }

    private List<String> supportedSubnets(ServiceDetail service) {
        return users.as("bob", () -> resources.subnets("222222222222", "us-east-1", bobVpc())).stream()
                .filter(s -> service.availabilityZoneIds().contains(s.availabilityZoneId())).map(Subnet::subnetId)
                .toList();
    }

    private SubmitEndpointRequest submit(ServiceDetail service, List<String> subnets) {
        String vpc = bobVpc();
        String group = users.as("bob", () -> resources.securityGroups("222222222222", "us-east-1", vpc)).stream()
                .map(SecurityGroup::groupId).findFirst().orElseThrow();
        return new SubmitEndpointRequest(service.id(), "222222222222", "us-east-1", vpc, subnets, List.of(group),
                false, "Checkout needs to charge cards");
    }

    private EndpointRequestDetails awaitState(String user, UUID id, EndpointState state) {
        await().atMost(Duration.ofSeconds(60)).until(() -> users.as(user, () -> requests.detail(id)).state(),
                s -> s == state || s == EndpointState.FAILED);
        EndpointRequestDetails view = users.as(user, () -> requests.detail(id));
        assertThat(view.state()).as(String.valueOf(view.failureReason())).isEqualTo(state);
        return view;
    }
}
