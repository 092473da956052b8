package dev.linkport.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.aws.ResourceTags;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ListingService;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Everything Linkport creates in AWS carries its tags, and its whole flow (publish, allow, create, accept, poll,
 * delete) works under the generated provider and consumer policies attached to the accounts' roles in the sandbox:
 * least privilege costs Linkport nothing it needs.
 */
@LinkportIntegrationTest
class TaggedResourcesIT {

    static final String PROVIDER = "111111111111";
    static final String CAROL = LoopFixture.CAROL_ACCOUNT;

    @Autowired TestUsers users;
    @Autowired LoopFixture loop;
    @Autowired EndpointRequestService requests;
    @Autowired ListingService listings;
    @Autowired PrivateLinkGateway gateway;
    @Autowired SandboxLifecycle sandbox;

    @AfterEach
    void detachPolicies() {
        sandbox.control().attachPolicies(PROVIDER, null, List.of());
        sandbox.control().attachPolicies(CAROL, null, List.of());
    }

    @Test
    void linkportsOwnCreatesCarryItsTagsAndTheWholeFlowPassesUnderTheGeneratedPolicies() {
        String providerTeam = "payments";   // the demo team owning account 111111111111
        String consumerTeam = "analytics";  // the demo team owning carol's account 333333333333
        sandbox.control().attachPolicies(PROVIDER, providerTeam, List.of("PROVIDER"));
        sandbox.control().attachPolicies(CAROL, consumerTeam, List.of("CONSUMER"));

        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-api");
        Map<String, String> serviceTags = gateway.describeEndpointService(target(PROVIDER), service.serviceId())
                .orElseThrow().tags();
        assertThat(serviceTags).containsEntry(ResourceTags.SERVICE_ID, service.id().toString())
                .containsEntry(ResourceTags.TEAM, providerTeam).containsEntry("cost-center", "linkport-tests");
        assertThat(users.as("alice", () -> listings.detail(service.id())).awsTags()).isEqualTo(serviceTags);

        EndpointRequestDetails submitted = users.as("carol", () -> requests.submit(
                loop.requestFor("carol", CAROL, service)));
        assertThat(submitted.consumerTeam()).isEqualTo(consumerTeam);
        EndpointRequestDetails available = loop.awaitState("carol", submitted.id(), EndpointState.AVAILABLE,
                Duration.ofSeconds(60));
        Map<String, String> endpointTags = gateway.describeInterfaceEndpoint(target(CAROL),
                available.vpcEndpointId()).orElseThrow().tags();
        assertThat(endpointTags).containsEntry(ResourceTags.REQUEST_ID, submitted.id().toString())
                .containsEntry(ResourceTags.TEAM, consumerTeam).containsEntry("cost-center", "linkport-tests");
        assertThat(available.awsTags()).isEqualTo(endpointTags);

        users.run("carol", () -> requests.delete(submitted.id()));
        loop.awaitState("carol", submitted.id(), EndpointState.DELETED, Duration.ofSeconds(60));
        assertThat(sandbox.control().role(CAROL).policies()).containsExactly("CONSUMER");
    }

    private static AwsTarget target(String account) {
        return new AwsTarget(account, "us-east-1", "arn:aws:iam::" + account + ":role/LinkportAccess",
                "demo-" + account, null);
    }
}
