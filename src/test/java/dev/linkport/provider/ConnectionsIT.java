package dev.linkport.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.linkport.approval.service.ApprovalService;
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
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.provider.service.ConnectionRow;
import dev.linkport.provider.service.ConnectionService;
import dev.linkport.provider.service.ConnectionService.ConnectionFilter;
import dev.linkport.provider.service.ConnectionService.ConnectionTally;
import dev.linkport.sandbox.SandboxFault;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.TestUsers;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A service's AWS connections, including endpoints created directly in the sandbox (outside
 * Linkport), and the AcceptConnection / RejectConnection jobs.
 */
@LinkportIntegrationTest
class ConnectionsIT {

    static final String PROVIDER = "111111111111";
    static final String CAROL = LoopFixture.CAROL_ACCOUNT;
    static final AwsTarget PROVIDER_TARGET = new AwsTarget(PROVIDER, "us-east-1",
            "arn:aws:iam::" + PROVIDER + ":role/LinkportAccess", "demo-" + PROVIDER, null);
    static final AwsTarget CAROL_TARGET = new AwsTarget(CAROL, "us-east-1",
            "arn:aws:iam::" + CAROL + ":role/LinkportAccess", "demo-" + CAROL, null);

    @Autowired TestUsers users;
    @Autowired LoopFixture loop;
    @Autowired ConnectionService connections;
    @Autowired EndpointRequestService requests;
    @Autowired ApprovalService approvals;
    @Autowired PrivateLinkGateway gateway;
    @Autowired SandboxLifecycle sandbox;

    @AfterEach
    void clearFaults() {
        sandbox.control().clearFaults();
    }

    @Test
    void anEndpointCreatedOutsideLinkportIsListedAndCanBeAccepted() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        String vpce = outOfBandEndpoint(service);

        ConnectionRow listed = connection(service, vpce);
        assertThat(listed.state()).isEqualTo("pendingAcceptance");
        assertThat(listed.ownerAccountId()).isEqualTo(CAROL);
        assertThat(listed.ownerTeam()).isNotBlank();
        assertThat(listed.requestId()).isNull();
        assertThat(listed.createdAt()).isNotNull();

        users.as("alice", () -> connections.accept(service.id(), vpce));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                gateway.describeInterfaceEndpoint(CAROL_TARGET, vpce).map(InterfaceEndpoint::state).orElse(""),
                "available"::equals);
        // the worker records the outcome and follows the connection until it settles: the recorded
        // rows (no AWS read) show it available without anybody refreshing
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> users.as("alice",
                () -> connections.page(service.id(), new ConnectionFilter(null, vpce), 0, 10)).stream()
                .map(ConnectionRow::state).findFirst().orElse(""), "available"::equals);
        await().atMost(Duration.ofSeconds(10)).until(() -> connection(service, vpce).state(), "available"::equals);
        assertThatThrownBy(() -> users.as("alice", () -> connections.accept(service.id(), vpce)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("available");
    }

    @Test
    void anEndpointCreatedOutsideLinkportCanBeRejected() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        String vpce = outOfBandEndpoint(service);
        connection(service, vpce);

        users.as("admin", () -> connections.reject(service.id(), vpce));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                gateway.describeInterfaceEndpoint(CAROL_TARGET, vpce).map(InterfaceEndpoint::state).orElse(""),
                "rejected"::equals);
    }

    @Test
    void rejectingTheConnectionOfALinkportRequestFailsTheRequestWithATimelineEntry() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.ADMIN, "payments-api");
        // Linkport's own acceptance keeps failing, so the request waits in PENDING_ACCEPTANCE.
        sandbox.control().injectFault(new SandboxFault("AcceptVpcEndpointConnections", PROVIDER, "InternalError", 500,
                1.0, Duration.ZERO, 0));
        SubmitEndpointRequest command = loop.requestFor("carol", CAROL, service);
        EndpointRequestDetails request = users.as("carol", () -> requests.submit(command));
        users.run("admin", () -> approvals.approve(request.id(), "ok"));
        EndpointRequestDetails pending = loop.awaitState("carol", request.id(), EndpointState.PENDING_ACCEPTANCE,
                Duration.ofSeconds(60));

        ConnectionRow listed = connection(service, pending.vpcEndpointId());
        assertThat(listed.requestId()).isEqualTo(request.id());
        assertThat(listed.requestState()).isEqualTo(EndpointState.PENDING_ACCEPTANCE);

        users.as("alice", () -> connections.reject(service.id(), pending.vpcEndpointId()));

        EndpointRequestDetails failed = loop.awaitState("carol", request.id(), EndpointState.FAILED, Duration.ofSeconds(30));
        assertThat(failed.failureReason()).contains("rejected");
        assertThat(failed.timeline()).extracting(EndpointRequestDetails.TimelineEntry::to)
                .containsSubsequence(EndpointState.PENDING_ACCEPTANCE, EndpointState.FAILED);
    }

    @Test
    void onlyTheServiceOwnersAndAdminsSeeOrDecideOnConnections() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        String vpce = outOfBandEndpoint(service);
        UUID id = service.id();

        assertThatThrownBy(() -> users.as("bob", () -> connections.list(id))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.as("bob", () -> connections.accept(id, vpce)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.as("bob", () -> connections.reject(id, vpce)))
                .isInstanceOf(ForbiddenException.class);
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> users.as("alice", () -> connections.list(unknown)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> users.as("alice", () -> connections.accept(unknown, vpce)))
                .isInstanceOf(NotFoundException.class);

        assertThatThrownBy(() -> users.as("alice", () -> connections.accept(id, "vpce-nope")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> users.as("alice", () -> connections.accept(id, "vpce-0123456789abcdef0")))
                .isInstanceOf(NotFoundException.class);
        assertThat(users.as("admin", () -> connections.list(id))).extracting(ConnectionRow::vpcEndpointId)
                .contains(vpce);
    }

    @Test
    void connectionsAreFilteredByStateAndByEndpointAccountOrTeamAndComeInPages() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        String first = outOfBandEndpoint(service);
        String second = outOfBandEndpoint(service);
        ConnectionTally tally = users.as("alice", () -> connections.refresh(service.id()));
        assertThat(tally.total()).isEqualTo(2);
        assertThat(tally.pendingAcceptance()).isEqualTo(2);
        assertThat(tally.outsideLinkport()).isEqualTo(2);
        String carolsTeam = connection(service, first).ownerTeam();

        assertThat(page(service, null, null)).containsExactlyInAnyOrder(first, second);
        assertThat(page(service, "pendingAcceptance", null)).containsExactlyInAnyOrder(first, second);
        assertThat(page(service, "available", null)).isEmpty();
        assertThat(page(service, null, first.substring(5).toUpperCase())).containsExactly(first);
        assertThat(page(service, null, CAROL)).containsExactlyInAnyOrder(first, second);
        assertThat(page(service, null, carolsTeam)).containsExactlyInAnyOrder(first, second);
        assertThat(page(service, null, "no-such-team")).isEmpty();
        assertThat(page(service, null, "%")).isEmpty();
        assertThat(users.as("alice", () -> connections.count(service.id(), new ConnectionFilter("pendingAcceptance",
                CAROL)))).isEqualTo(2);
        // newest first, one page at a time
        java.util.List<String> all = page(service, null, null);
        assertThat(users.as("alice", () -> connections.page(service.id(), ConnectionFilter.none(), 1, 1)))
                .extracting(ConnectionRow::vpcEndpointId).containsExactly(all.get(1));
    }

    @Test
    void aFilterNeverShowsTheConnectionsOfAnotherTeamsService() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        String vpce = outOfBandEndpoint(service);
        users.run("alice", () -> connections.refresh(service.id()));
        UUID id = service.id();
        // bob is not in the service's team: whatever the filter names, he reads nothing
        for (ConnectionFilter filter : java.util.List.of(ConnectionFilter.none(), new ConnectionFilter(null, vpce),
                new ConnectionFilter("pendingAcceptance", CAROL), new ConnectionFilter(null, "payments"))) {
            assertThatThrownBy(() -> users.as("bob", () -> connections.page(id, filter, 0, 10)))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> users.as("bob", () -> connections.count(id, filter)))
                    .isInstanceOf(ForbiddenException.class);
        }
        assertThatThrownBy(() -> users.as("bob", () -> connections.refresh(id))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.as("bob", () -> connections.tally(id))).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aConnectionAwsNoLongerReportsIsRecordedAsDeleted() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        String vpce = outOfBandEndpoint(service);
        users.run("alice", () -> connections.refresh(service.id()));

        gateway.deleteInterfaceEndpoints(CAROL_TARGET, java.util.List.of(vpce));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            users.run("alice", () -> connections.refresh(service.id()));
            return page(service, "deleted", vpce);
        }, found -> found.contains(vpce));
    }

    private java.util.List<String> page(ServiceDetail service, String state, String text) {
        return users.as("alice", () -> connections.page(service.id(), new ConnectionFilter(state, text), 0, 50))
                .stream().map(ConnectionRow::vpcEndpointId).toList();
    }

    /** carol's account is allowed in AWS directly and creates an endpoint with the SDK, bypassing Linkport. */
    private String outOfBandEndpoint(ServiceDetail service) {
        gateway.modifyServicePermissions(PROVIDER_TARGET, service.serviceId(), Set.of("arn:aws:iam::" + CAROL + ":root"),
                Set.of());
        SubmitEndpointRequest where = loop.requestFor("carol", CAROL, service);
        InterfaceEndpoint endpoint = gateway.createInterfaceEndpoint(CAROL_TARGET, new InterfaceEndpointRequest(
                UUID.randomUUID().toString(), where.vpcId(), service.serviceName(), where.subnetIds(),
                where.securityGroupIds(), false, null));
        assertThat(endpoint.state()).isEqualTo("pendingAcceptance");
        return endpoint.endpointId();
    }

    private ConnectionRow connection(ServiceDetail service, String vpce) {
        return users.as("alice", () -> connections.list(service.id())).stream()
                .filter(c -> c.vpcEndpointId().equals(vpce)).findFirst().orElseThrow();
    }
}
