package dev.linkport.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.linkport.audit.service.AuditQueryService;
import dev.linkport.audit.service.AuditQueryService.AuditRow;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.PermittedPrincipal;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.PrincipalMode;
import dev.linkport.catalog.service.EditServiceCommand;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.catalog.service.ServiceEditService;
import dev.linkport.catalog.service.ServiceSettings;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.consumer.service.SubmitEndpointRequest;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.provider.service.AddPrincipal;
import dev.linkport.provider.service.PrincipalRow;
import dev.linkport.provider.service.PrincipalService;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.ModuleEvents;
import dev.linkport.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Least privilege in AWS: what approval allows is the service's choice (the consumer account's root, or one of its
 * roles), and a principal Linkport added goes with the last endpoint that needed it. Checked in the sandbox through
 * the gateway, not only in Linkport's tables.
 */
@LinkportIntegrationTest
class LeastPrivilegePrincipalsIT {

    static final String BOB = LoopFixture.BOB_ACCOUNT;
    static final String BOB_ROOT = "arn:aws:iam::" + BOB + ":root";
    static final String BOB_LINKPORT_ROLE = "arn:aws:iam::" + BOB + ":role/LinkportAccess";
    static final AwsTarget PROVIDER_TARGET = PrincipalsIT.PROVIDER_TARGET;
    static final Duration PROVISIONING = Duration.ofSeconds(60);

    @Autowired TestUsers users;
    @Autowired LoopFixture loop;
    @Autowired PrincipalService principals;
    @Autowired ServiceEditService settings;
    @Autowired EndpointRequestService requests;
    @Autowired PrivateLinkGateway gateway;
    @Autowired SandboxLifecycle sandbox;
    @Autowired AuditQueryService audit;
    @Autowired ModuleEvents moduleEvents;
    @Autowired JdbcClient jdbc;

    @Test
    void inAccountModeApprovalAllowsTheAccountRootWhichGoesWithTheLastEndpointWhileAHandAddedPrincipalStays() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-api");
        String byHand = "arn:aws:iam::444455556666:root";
        users.run("alice", () -> principals.add(service.id(), new AddPrincipal(byHand, false)));
        await().atMost(Duration.ofSeconds(30)).until(() -> inAws(service).contains(byHand));

        EndpointRequestDetails request = submit(loop.requestFor("bob", BOB, service));
        loop.awaitState("bob", request.id(), EndpointState.AVAILABLE, PROVISIONING);

        assertThat(inAws(service)).contains(BOB_ROOT).doesNotContain(BOB_LINKPORT_ROLE);
        assertThat(principal(service, BOB_ROOT)).hasValueSatisfying(p -> assertThat(p.source())
                .isEqualTo(PrincipalSource.APPROVAL));

        users.run("bob", () -> requests.delete(request.id()));
        loop.awaitState("bob", request.id(), EndpointState.DELETED, PROVISIONING);

        await().atMost(Duration.ofSeconds(30)).until(() -> !inAws(service).contains(BOB_ROOT));
        await().atMost(Duration.ofSeconds(30)).until(() -> principal(service, BOB_ROOT).isEmpty());
        assertThat(inAws(service)).containsExactly(byHand);
        assertThat(principal(service, byHand)).hasValueSatisfying(p -> assertThat(p.source())
                .isEqualTo(PrincipalSource.MANUAL));
        assertThat(released(service)).singleElement().satisfies(e -> {
            assertThat(e.actorName()).isEqualTo("linkport");
            assertThat(e.before()).isEqualTo(BOB_ROOT);
            assertThat(e.reason()).contains(request.id().toString()).contains("DELETED");
        });
    }

    @Test
    void withTwoEndpointsFromOneAccountDeletingOneKeepsThePrincipalAndDeletingTheOtherRemovesIt() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-api");
        EndpointRequestDetails first = submit(loop.requestFor("bob", BOB, service));
        EndpointRequestDetails second = submit(loop.requestFor("bob", BOB, service));
        loop.awaitState("bob", first.id(), EndpointState.AVAILABLE, PROVISIONING);
        loop.awaitState("bob", second.id(), EndpointState.AVAILABLE, PROVISIONING);
        assertThat(inAws(service)).containsExactly(BOB_ROOT);

        users.run("bob", () -> requests.delete(first.id()));
        loop.awaitState("bob", first.id(), EndpointState.DELETED, PROVISIONING);
        moduleEvents.awaitDelivered();

        assertThat(principal(service, BOB_ROOT)).hasValueSatisfying(p -> assertThat(p.syncState())
                .isEqualTo(PrincipalSyncState.IN_SYNC));
        assertThat(released(service)).isEmpty();
        assertThat(inAws(service)).containsExactly(BOB_ROOT);

        users.run("bob", () -> requests.delete(second.id()));
        loop.awaitState("bob", second.id(), EndpointState.DELETED, PROVISIONING);
        await().atMost(Duration.ofSeconds(30)).until(() -> inAws(service).isEmpty());
        assertThat(released(service)).hasSize(1);
    }

    @Test
    void aPrincipalTheOwnersAlsoAddedByHandStaysAfterTheEndpointsItWasApprovedFor() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-api");
        EndpointRequestDetails request = submit(loop.requestFor("bob", BOB, service));
        loop.awaitState("bob", request.id(), EndpointState.AVAILABLE, PROVISIONING);

        PrincipalRow adopted = users.as("alice", () -> principals.add(service.id(), new AddPrincipal(BOB_ROOT, false)));
        assertThat(adopted.source()).isEqualTo(PrincipalSource.MANUAL);

        users.run("bob", () -> requests.delete(request.id()));
        loop.awaitState("bob", request.id(), EndpointState.DELETED, PROVISIONING);
        moduleEvents.awaitDelivered();

        assertThat(principal(service, BOB_ROOT)).hasValueSatisfying(p -> assertThat(p.syncState())
                .isEqualTo(PrincipalSyncState.IN_SYNC));
        assertThat(released(service)).isEmpty();
        assertThat(inAws(service)).containsExactly(BOB_ROOT);
    }

    @Test
    void inRoleModeApprovalAllowsTheAccountsLinkportRoleNotItsRootAndTheChangeIsAudited() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-api");
        ServiceSettings edited = roleMode(service);
        assertThat(edited.principalMode()).isEqualTo(PrincipalMode.ROLE);
        assertThat(users.as("admin", () -> audit.forTarget("SERVICE", service.id().toString())).stream()
                .map(AuditRow::after).filter(a -> a != null && a.contains("approval allows ROLE")).toList())
                .as("the edit is in the audit log").hasSize(1);

        EndpointRequestDetails request = submit(loop.requestFor("bob", BOB, service));
        loop.awaitState("bob", request.id(), EndpointState.AVAILABLE, PROVISIONING);

        assertThat(inAws(service)).containsExactly(BOB_LINKPORT_ROLE);

        users.run("bob", () -> requests.delete(request.id()));
        loop.awaitState("bob", request.id(), EndpointState.DELETED, PROVISIONING);
        await().atMost(Duration.ofSeconds(30)).until(() -> inAws(service).isEmpty());
    }

    @Test
    void aRoleTheConsumerNamesIsWhatTheServiceAllowsAndLinkportCreatesTheEndpointAsThatRole() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-api");
        roleMode(service);
        String appRole = sandbox.control().createRole(BOB, "checkout-app");
        SubmitEndpointRequest asApp = withRole(loop.requestFor("bob", BOB, service), appRole);

        EndpointRequestDetails request = submit(asApp);
        loop.awaitState("bob", request.id(), EndpointState.AVAILABLE, PROVISIONING);

        // the sandbox lets only sessions of an allowed role create endpoints: Linkport's own role could not have
        assertThat(inAws(service)).containsExactly(appRole);

        users.run("bob", () -> requests.delete(request.id()));
        loop.awaitState("bob", request.id(), EndpointState.DELETED, PROVISIONING);
        await().atMost(Duration.ofSeconds(30)).until(() -> inAws(service).isEmpty());
    }

    @Test
    void aNamedRoleMustBeOfTheRequestingAccountInTheRegionsPartitionAndOnlyARoleServiceTakesOne() {
        ServiceDetail accountService = loop.publishedService(ApprovalPolicy.AUTO, "payments-api");
        SubmitEndpointRequest plain = loop.requestFor("bob", BOB, accountService);
        assertRefused(withRole(plain, "arn:aws:iam::" + BOB + ":role/checkout-app"), "allows your whole account");

        ServiceDetail roleService = loop.publishedService(ApprovalPolicy.AUTO, "payments-api");
        roleMode(roleService);
        SubmitEndpointRequest toRoleService = loop.requestFor("bob", BOB, roleService);
        assertRefused(withRole(toRoleService, "arn:aws:iam::444455556666:role/checkout-app"),
                "Name a role of account " + BOB);
        assertRefused(withRole(toRoleService, "arn:aws-cn:iam::" + BOB + ":role/checkout-app"),
                "us-east-1 is in the aws partition");
        assertRefused(withRole(toRoleService, "arn:aws:iam::" + BOB + ":user/bob"), "An IAM role ARN looks like");

        assertThat(jdbc.sql("select count(*) from endpoint_request where listing_id in (?, ?)")
                .params(accountService.id(), roleService.id()).query(Long.class).single())
                .as("nothing stored").isZero();
    }

    private void assertRefused(SubmitEndpointRequest command, String message) {
        assertThatThrownBy(() -> submit(command)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).singleElement().satisfies(f -> {
                    assertThat(f.field()).isEqualTo("principalRoleArn");
                    assertThat(f.message()).contains(message);
                }));
    }

    private ServiceSettings roleMode(ServiceDetail service) {
        return users.as("alice", () -> settings.edit(new EditServiceCommand(service.id(), null, null, null, null, null,
                null, null, null, null, null, null, PrincipalMode.ROLE)));
    }

    private static SubmitEndpointRequest withRole(SubmitEndpointRequest r, String roleArn) {
        return new SubmitEndpointRequest(r.serviceId(), r.accountId(), r.region(), r.vpcId(), r.subnetIds(),
                r.securityGroupIds(), r.privateDnsEnabled(), r.justification(), roleArn);
    }

    private EndpointRequestDetails submit(SubmitEndpointRequest command) {
        return users.as("bob", () -> requests.submit(command));
    }

    private List<AuditRow> released(ServiceDetail service) {
        return users.as("admin", () -> audit.forTarget("SERVICE", service.id().toString())).stream()
                .filter(e -> e.action().equals("PRINCIPAL_RELEASED")).toList();
    }

    private Optional<PrincipalRow> principal(ServiceDetail service, String arn) {
        return users.as("alice", () -> principals.list(service.id())).stream().filter(p -> p.arn().equals(arn))
                .findFirst();
    }

    private List<String> inAws(ServiceDetail service) {
        return gateway.describeServicePermissions(PROVIDER_TARGET, service.serviceId()).stream()
                .map(PermittedPrincipal::principal).toList();
    }
}
