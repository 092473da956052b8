package dev.linkport.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.approval.service.ApprovalService;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.EndpointConnection;
import dev.linkport.aws.InterfaceEndpointRequest;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.aws.ResourceTags;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.consumer.service.SubmitEndpointRequest;
import dev.linkport.sandbox.SandboxFault;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ProvisionEndpoint job against the sandbox, when things go wrong: a crash between steps,
 * throttling, a permanent error fixed and retried. Faults are injected for carol's account only.
 */
@LinkportIntegrationTest
class ProvisionEndpointJobIT {

    static final String CAROL = LoopFixture.CAROL_ACCOUNT;

    @Autowired TestUsers users;
    @Autowired LoopFixture loop;
    @Autowired EndpointRequestService requests;
    @Autowired ApprovalService approvals;
    @Autowired PrivateLinkGateway gateway;
    @Autowired SandboxLifecycle sandbox;
    @Autowired ResourceTags tags;

    @AfterEach
    void clearFaults() {
        sandbox.control().clearFaults();
    }

    @Test
    void aCrashAfterCreatingTheEndpointDoesNotCreateASecondOne() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.ADMIN, "payments-api");
        SubmitEndpointRequest command = loop.requestFor("carol", CAROL, service);
        EndpointRequestDetails request = users.as("carol", () -> requests.submit(command));
        // A first run created the endpoint in AWS (ClientToken = request id) and died before
        // storing its id; accepting it then failed too.
        AwsTarget consumer = new AwsTarget(CAROL, "us-east-1", "arn:aws:iam::" + CAROL + ":role/LinkportAccess",
                "demo-" + CAROL, null);
        AwsTarget provider = new AwsTarget("111111111111", "us-east-1",
                "arn:aws:iam::111111111111:role/LinkportAccess", "demo-111111111111", null);
        gateway.modifyServicePermissions(provider, service.serviceId(), java.util.Set.of("arn:aws:iam::" + CAROL + ":root"),
                java.util.Set.of());
        String orphan = gateway.createInterfaceEndpoint(consumer, new InterfaceEndpointRequest(request.id().toString(),
                command.vpcId(), service.serviceName(), command.subnetIds(), command.securityGroupIds(), false, null,
                tags.forEndpoint(request.id(), request.consumerTeam()))).endpointId();
        sandbox.control().injectFault(new SandboxFault("AcceptVpcEndpointConnections", "111111111111", "InternalError",
                500, 1.0, Duration.ZERO, 2));

        users.run("admin", () -> approvals.approve(request.id(), "go"));

        EndpointRequestDetails available = loop.awaitState("carol", request.id(), EndpointState.AVAILABLE, Duration.ofSeconds(60));
        assertThat(available.vpcEndpointId()).isEqualTo(orphan);
        List<EndpointConnection> connections = gateway.describeEndpointConnections(provider, service.serviceId());
        assertThat(connections).extracting(EndpointConnection::endpointId).containsExactly(orphan);
    }

    @Test
    void throttlingOnThirtyPercentOfCreateCallsStillEndsEveryRequestAvailable() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-ledger");
        sandbox.control().injectFault(new SandboxFault("CreateVpcEndpoint", CAROL, "RequestLimitExceeded", 503, 0.3,
                Duration.ZERO, 0));
        long hitsBefore = sandbox.control().stats().faultsInjected();
        List<EndpointRequestDetails> submitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            submitted.add(users.as("carol", () -> requests.submit(loop.requestFor("carol", CAROL, service))));
        }
        for (EndpointRequestDetails request : submitted) {
            loop.awaitState("carol", request.id(), EndpointState.AVAILABLE, Duration.ofSeconds(120));
        }
        // Evenly spread at 30%: at least one of the (at least five) create calls was throttled.
        assertThat(sandbox.control().stats().faultsInjected() - hitsBefore).isGreaterThanOrEqualTo(1);
    }

    @Test
    void noEndpointIsCreatedBeforeTheServiceAllowsTheAccountEvenWhenAllowingItFailedForAnotherRequestOfTheRun() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.ADMIN, "payments-ledger");
        sandbox.control().injectFault(new SandboxFault("DescribeVpcEndpointServicePermissions", "111111111111",
                "RequestLimitExceeded", 503, 1.0, Duration.ZERO, 1));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(users.as("carol", () -> requests.submit(loop.requestFor("carol", CAROL, service))).id());
        }
        users.run("admin", () -> approvals.approveAll(ids, "all at once: one run of the job sees all three"));
        for (UUID id : ids) {
            EndpointRequestDetails done = loop.awaitState("carol", id, EndpointState.AVAILABLE, Duration.ofSeconds(60));
            assertThat(done.state()).as("%s", done.failureReason()).isEqualTo(EndpointState.AVAILABLE);
        }
        assertThat(sandbox.control().stats().faultsInjected()).isPositive();
    }

    @Test
    void aPermanentErrorFailsWithAwsMessageAndAnAdminRetryAfterTheFixSucceeds() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-api");
        sandbox.control().injectFault(SandboxFault.error("CreateVpcEndpoint", "UnauthorizedOperation", 403)
                .forAccount(CAROL));
        EndpointRequestDetails request = users.as("carol", () -> requests.submit(loop.requestFor("carol", CAROL, service)));

        EndpointRequestDetails failed = loop.awaitState("carol", request.id(), EndpointState.FAILED, Duration.ofSeconds(60));
        assertThat(failed.failureReason()).contains("UnauthorizedOperation").contains(CAROL);
        assertThat(failed.canRetry()).isFalse(); // carol is no admin

        sandbox.control().clearFaults(); // the cause is fixed
        users.run("admin", () -> requests.retry(request.id()));
        EndpointRequestDetails available = loop.awaitState("carol", request.id(), EndpointState.AVAILABLE, Duration.ofSeconds(60));
        assertThat(available.timeline()).extracting(EndpointRequestDetails.TimelineEntry::to)
                .containsSubsequence(EndpointState.PROVISIONING, EndpointState.FAILED, EndpointState.APPROVED, EndpointState.PROVISIONING, EndpointState.AVAILABLE);
    }
}
