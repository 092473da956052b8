package dev.linkport.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.linkport.api.ApiClient.Response;
import dev.linkport.approval.service.EndpointChangeApprovals;
import dev.linkport.approval.service.EndpointChangeApprovals.PendingChangeDecision;
import dev.linkport.approval.service.SelfDecisionRefusedException;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.InterfaceEndpoint;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.aws.SecurityGroup;
import dev.linkport.aws.Subnet;
import dev.linkport.aws.Vpc;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.ChangeApproval;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.catalog.service.ServiceEditService;
import dev.linkport.catalog.service.ServiceSettings;
import dev.linkport.consumer.ChangeState;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.service.ChangeEndpoint;
import dev.linkport.consumer.service.EndpointChangeDetails;
import dev.linkport.consumer.service.EndpointChangeService;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestDetails.TimelineEntry;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.consumer.service.SubmitEndpointRequest;
import dev.linkport.identity.MembershipRole;
import dev.linkport.identity.service.AccountCommands.RegisterAccount;
import dev.linkport.identity.service.AccountDetails;
import dev.linkport.identity.service.AccountResources;
import dev.linkport.identity.service.AccountService;
import dev.linkport.identity.service.ApiTokenService;
import dev.linkport.identity.service.TeamCommands.AddMember;
import dev.linkport.identity.service.TeamCommands.CreateTeam;
import dev.linkport.identity.service.TeamService;
import dev.linkport.identity.service.TeamViews.TeamSummary;
import dev.linkport.identity.service.UserCommands.CreateUser;
import dev.linkport.identity.service.UserService;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.support.Ids;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.TestUsers;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Endpoint changes of a service that says changes need approval (issue 14, Build 2), through the services and the
 * REST API against the sandbox: a team of the test's own (a requester and a colleague) with its own account has an
 * available endpoint to a service of alice's team, which then asks for approval of changes and lets its team decide
 * (PROVIDER). A change waits; nobody of the requesting team decides it; the provider approves it and AWS holds it, or
 * rejects it with a reason and AWS keeps what it had. With the setting off (the default) changes apply at once:
 * {@code EndpointChangesIT}.
 */
@LinkportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointChangeApprovalIT {

    private static final String REGION = "us-east-1";
    private static final String CHANGES = "/api/v1/endpoint-changes/";

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired ApiTokenService tokens;
    @Autowired UserService userService;
    @Autowired TeamService teams;
    @Autowired AccountService accounts;
    @Autowired AccountResources resources;
    @Autowired EndpointRequestService requests;
    @Autowired EndpointChangeService changes;
    @Autowired EndpointChangeApprovals approvals;
    @Autowired ServiceEditService settings;
    @Autowired PrivateLinkGateway gateway;
    @Autowired SandboxLifecycle sandbox;
    @Autowired LoopFixture loop;
    @Autowired JdbcClient jdbc;

    String member;
    String colleague;
    AccountDetails account;
    ServiceDetail service;
    List<Subnet> subnets;
    List<SecurityGroup> groups;
    EndpointRequestDetails endpoint;
    ApiClient alice;

    @BeforeAll
    void anAvailableEndpointToAServiceWhoseChangesNeedTheProvidersApproval() {
        member = Ids.teamName("asker");
        colleague = Ids.teamName("colleague");
        TeamSummary team = users.as("admin", () -> {
            userService.create(new CreateUser(member, "Asker", null, "a-long-password-1", false));
            userService.create(new CreateUser(colleague, "Colleague", null, "a-long-password-1", false));
            TeamSummary t = teams.createTeam(new CreateTeam(Ids.teamName("chgapp"), "Change askers", null, false));
            teams.addMember(new AddMember(t.id(), member, MembershipRole.OWNER));
            teams.addMember(new AddMember(t.id(), colleague, MembershipRole.MEMBER));
            return t;
        });
        String accountId = Ids.accountId();
        account = users.as(member, () -> accounts.register(new RegisterAccount(team.id(), accountId,
                "change-approval-" + accountId, Set.of(REGION), "arn:aws:iam::" + accountId + ":role/LinkportAccess")));
        sandbox.control().createAccount(accountId, "change-approval", List.of(REGION), account.externalId());
        sandbox.control().attachPolicies(accountId, team.name(), List.of("CONSUMER"));
        service = loop.publishedService(ApprovalPolicy.AUTO, "payments-ledger");
        String vpc = users.as(member, () -> resources.vpcs(accountId, REGION)).stream().map(Vpc::vpcId).findFirst()
                .orElseThrow();
        List<String> zoned = users.as(member, () -> resources.subnets(accountId, REGION, vpc)).stream()
                .map(Subnet::availabilityZoneId).toList();
        gateway.describeAvailabilityZones(target()).stream()
                .filter(z -> service.availabilityZoneIds().contains(z.id()) && !zoned.contains(z.id()))
                .forEach(z -> sandbox.control().addSubnet(accountId, REGION, z.name()));
        subnets = users.as(member, () -> resources.subnets(accountId, REGION, vpc)).stream()
                .filter(s -> service.availabilityZoneIds().contains(s.availabilityZoneId()))
                .sorted(Comparator.comparing(Subnet::availabilityZone)).toList();
        groups = users.as(member, () -> resources.securityGroups(accountId, REGION, vpc));
        assertThat(subnets).hasSizeGreaterThanOrEqualTo(2);
        assertThat(groups).hasSizeGreaterThanOrEqualTo(2);
        EndpointRequestDetails submitted = users.as(member, () -> requests.submit(new SubmitEndpointRequest(
                service.id(), accountId, REGION, vpc, List.of(subnet(0)), List.of(group(0)), false,
                "Tests change approval")));
        endpoint = loop.awaitState(member, submitted.id(), EndpointState.AVAILABLE, Duration.ofSeconds(60));

        // the provider now decides requests itself, and changes like requests (over REST)
        alice = ApiClient.token(port, users, tokens, "alice");
        Response edited = alice.send("PATCH", "/api/v1/services/" + service.id(),
                Map.of("approvalPolicy", "PROVIDER", "changeApproval", "SAME_AS_REQUESTS"));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.text("changeApproval")).isEqualTo("SAME_AS_REQUESTS");
        ServiceSettings stored = users.as("alice", () -> settings.settings(service.id()));
        assertThat(stored.changeApproval()).isEqualTo(ChangeApproval.SAME_AS_REQUESTS);
        assertThat(stored.approvalPolicy()).isEqualTo(ApprovalPolicy.PROVIDER);
        assertThat(jdbc.sql("select before_value || ' -> ' || after_value from audit_event where action = "
                        + "'SERVICE_CHANGE_APPROVAL_CHANGED' and target_id = ?").param(service.id().toString())
                .query(String.class).list()).containsExactly("NONE -> SAME_AS_REQUESTS");
    }

    @AfterAll
    void detachPolicies() {
        sandbox.control().attachPolicies(account.accountId(), null, List.of());
    }

    @Test
    void aChangeWaitsNobodyOfTheRequestingTeamApprovesItAndOnceTheProviderApprovesItAwsHoldsIt() {
        EndpointChangeDetails asked = users.as(member, () -> changes.change(endpoint.id(),
                new ChangeEndpoint(List.of(subnet(0), subnet(1)), null, null)));
        assertThat(asked.state()).isEqualTo(ChangeState.AWAITING_APPROVAL);
        assertThat(users.as(member, () -> changes.options(endpoint.id())).whyNot())
                .isEqualTo("A change of this endpoint waits for approval; change it again once it is decided");

        PendingChangeDecision waiting = users.as("alice", () -> approvals.pending(0, 100)).stream()
                .filter(p -> p.change().id().equals(asked.id())).findFirst().orElseThrow();
        assertThat(waiting.decidable()).isTrue();
        assertThat(waiting.change().subnetsBefore()).containsExactly(subnet(0));
        assertThat(waiting.change().subnetsAfter()).containsExactlyInAnyOrder(subnet(0), subnet(1));
        assertThat(waiting.change().securityGroupsAfter()).isEqualTo(waiting.change().securityGroupsBefore());
        assertThat(users.as(member, () -> approvals.pending(0, 100))).isEmpty();
        for (String ofTheRequestingTeam : List.of(member, colleague)) {
            assertThatThrownBy(() -> users.as(ofTheRequestingTeam, () -> approvals.approve(asked.id(), null)))
                    .isInstanceOf(ForbiddenException.class)
                    .hasMessageContaining("decided by the");
        }
        // nothing happened in AWS while it waited
        assertThat(inAws().subnetIds()).containsExactly(subnet(0));

        Response approved = alice.post(CHANGES + asked.id() + "/approve", Map.of("reason", "Fine by us"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.text("state")).isEqualTo("APPLYING");
        assertThat(approved.text("decidedBy")).isEqualTo("alice");

        EndpointChangeDetails done = awaitChangeEnded(asked.id());
        assertThat(done.state()).as(done.outcome()).isEqualTo(ChangeState.DONE);
        assertThat(inAws().subnetIds()).containsExactlyInAnyOrder(subnet(0), subnet(1));
        assertThat(users.as(member, () -> requests.detail(endpoint.id())).timeline()).extracting(TimelineEntry::reason)
                .anySatisfy(r -> assertThat(r).startsWith("Change requested by " + member).contains("waits for approval"))
                .anySatisfy(r -> assertThat(r).startsWith("Change approved by alice").endsWith(": Fine by us"));
        assertThat(auditActions()).containsSubsequence("REQUEST_CHANGE_REQUESTED", "REQUEST_CHANGE_APPROVED",
                "REQUEST_CHANGED");
    }

    @Test
    void aRejectedChangeEndsRejectedWithItsReasonAndAwsKeepsWhatTheEndpointHad() {
        List<String> groupsBefore = inAws().securityGroupIds();
        EndpointChangeDetails asked = users.as(member, () -> changes.change(endpoint.id(),
                new ChangeEndpoint(null, List.of(group(1)), null)));
        assertThat(asked.state()).isEqualTo(ChangeState.AWAITING_APPROVAL);

        Response toDecide = alice.get(CHANGES + "to-decide?size=100");
        assertThat(toDecide.status()).as(toDecide.toString()).isEqualTo(200);
        assertThat(toDecide.raw()).contains(asked.id().toString(), group(1));
        Response noReason = alice.post(CHANGES + asked.id() + "/reject", Map.of("reason", " "));
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
        assertThat(noReason.errorFields()).containsExactly("reason");
        Response rejected = alice.post(CHANGES + asked.id() + "/reject", Map.of("reason", "Keep the shared group"));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(rejected.text("state")).isEqualTo("REJECTED");
        assertThat(alice.post(CHANGES + asked.id() + "/approve", null).status()).isEqualTo(409);

        EndpointChangeDetails ended = users.as(member, () -> changes.changes(endpoint.id())).getFirst();
        assertThat(ended.state()).isEqualTo(ChangeState.REJECTED);
        assertThat(ended.outcome()).isEqualTo("Keep the shared group");
        assertThat(inAws().securityGroupIds()).isEqualTo(groupsBefore);
        assertThat(users.as(member, () -> changes.options(endpoint.id())).canChange()).isTrue();
        assertThat(users.as(member, () -> requests.detail(endpoint.id())).timeline()).extracting(TimelineEntry::reason)
                .anySatisfy(r -> assertThat(r).startsWith("Change rejected by alice").endsWith(": Keep the shared group"));
        assertThat(auditActions()).contains("REQUEST_CHANGE_REJECTED");
    }

    @Test
    void anAdminWhoAskedForAChangeDoesNotDecideItAndTheRefusalIsAudited() {
        EndpointChangeDetails asked = users.as("admin", () -> changes.change(endpoint.id(),
                new ChangeEndpoint(null, List.of(group(0), group(1)), null)));
        assertThat(asked.state()).isEqualTo(ChangeState.AWAITING_APPROVAL);
        assertThat(users.as("admin", () -> approvals.pending(0, 100))).filteredOn(p -> p.change().id()
                .equals(asked.id())).singleElement().satisfies(p -> assertThat(p.decidable()).isFalse());

        assertThatThrownBy(() -> users.as("admin", () -> approvals.approve(asked.id(), null)))
                .isInstanceOf(SelfDecisionRefusedException.class);
        assertThat(auditActions()).contains("REQUEST_CHANGE_DECISION_REFUSED");

        assertThat(users.as("alice", () -> approvals.reject(asked.id(), "Not now")).state())
                .isEqualTo(ChangeState.REJECTED);
    }

    private List<String> auditActions() {
        return jdbc.sql("select action from audit_event where target_id = ? order by id")
                .param(endpoint.id().toString()).query(String.class).list();
    }

    private EndpointChangeDetails awaitChangeEnded(UUID changeId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> users.as(member, () -> changes.changes(endpoint.id())).getFirst(),
                        c -> c.id().equals(changeId) && !c.applying());
        return users.as(member, () -> changes.changes(endpoint.id())).getFirst();
    }

    private InterfaceEndpoint inAws() {
        return gateway.describeInterfaceEndpoint(target(), endpoint.vpcEndpointId()).orElseThrow();
    }

    private AwsTarget target() {
        return AwsTarget.system(account.accountId(), REGION, account.roleArn(), account.externalId());
    }

    private String subnet(int i) {
        return subnets.get(i).subnetId();
    }

    private String group(int i) {
        return groups.get(i).groupId();
    }
}
