package dev.linkport.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.linkport.aws.NetworkLoadBalancer;
import dev.linkport.aws.SecurityGroup;
import dev.linkport.aws.Subnet;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.ListingState;
import dev.linkport.catalog.Visibility;
import dev.linkport.catalog.service.ListingService;
import dev.linkport.catalog.service.PublishServiceCommand;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.consumer.service.SubmitEndpointRequest;
import dev.linkport.identity.service.AccountResources;
import dev.linkport.sandbox.SandboxLifecycle;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;

/** Publishes services and submits requests against the sandbox's seeded world, for worker and loop tests. */
@TestComponent
public class LoopFixture {

    /** Demo consumers: user → account. */
    public static final String BOB_ACCOUNT = "222222222222";
    public static final String CAROL_ACCOUNT = "333333333333";

    private final TestUsers users;
    private final ListingService listings;
    private final EndpointRequestService requests;
    private final AccountResources resources;
    private final SandboxLifecycle sandbox;

    public LoopFixture(TestUsers users, ListingService listings, EndpointRequestService requests,
                       AccountResources resources, SandboxLifecycle sandbox) {
        this.sandbox = sandbox;
        this.users = users;
        this.listings = listings;
        this.requests = requests;
        this.resources = resources;
    }

    /** alice publishes a service on one of the payments NLBs and waits until it is AVAILABLE. */
    public ServiceDetail publishedService(ApprovalPolicy policy, String nlbName) {
        return publishedService(policy, nlbName, Visibility.ALL_TEAMS, Set.of());
    }

    /** As {@link #publishedService(ApprovalPolicy, String)}, visible to the named teams only. */
    public ServiceDetail publishedService(ApprovalPolicy policy, String nlbName, Visibility visibility,
                                          Set<String> visibleTeams) {
        String nlb = users.as("alice", () -> resources.loadBalancers("111111111111", "us-east-1")).stream()
                .filter(l -> l.name().equals(nlbName)).map(NetworkLoadBalancer::arn).findFirst().orElseThrow();
        String name = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        ServiceDetail published = users.as("alice", () -> listings.publish(new PublishServiceCommand(name,
                "A test service", "For tests", Set.of("test"), null, "#payments", "443", "111111111111",
                "us-east-1", List.of(nlb), true, policy, null, Set.of(), visibility, visibleTeams)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> users.as("alice", () -> listings.detail(published.id())).state(), s -> s != ListingState.PUBLISHING);
        ServiceDetail detail = users.as("alice", () -> listings.detail(published.id()));
        assertThat(detail.state()).as(String.valueOf(detail.failureReason())).isEqualTo(ListingState.AVAILABLE);
        return detail;
    }

    /**
     * A request from the user's account into the subnets the service covers, in a new VPC of the account: a VPC takes
     * one request per service while the earlier one is open or has its endpoint, and tests make several.
     */
    public SubmitEndpointRequest requestFor(String user, String accountId, ServiceDetail service) {
        return users.as(user, () -> {
            String vpc = sandbox.control().addVpc(accountId, "us-east-1", "loop-" + UUID.randomUUID().toString()
                    .substring(0, 8));
            List<String> subnets = resources.subnets(accountId, "us-east-1", vpc).stream()
                    .filter(s -> service.availabilityZoneIds().contains(s.availabilityZoneId()))
                    .map(Subnet::subnetId).toList();
            String group = resources.securityGroups(accountId, "us-east-1", vpc).stream().map(SecurityGroup::groupId)
                    .findFirst().orElseThrow();
            return new SubmitEndpointRequest(service.id(), accountId, "us-east-1", vpc, subnets, List.of(group), false,
                    "Needed for tests");
        });
    }

    /** Waits until the request reaches the state (or FAILED, which fails the assertion with its reason). */
    public EndpointRequestDetails awaitState(String user, UUID id, EndpointState state, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(200))
                .until(() -> users.as(user, () -> requests.detail(id)).state(),
                        s -> s == state || (s == EndpointState.FAILED && state != EndpointState.FAILED));
        EndpointRequestDetails view = users.as(user, () -> requests.detail(id));
        assertThat(view.state()).as(String.valueOf(view.failureReason())).isEqualTo(state);
        return view;
    }
}
