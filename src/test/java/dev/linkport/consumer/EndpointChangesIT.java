package dev.linkport.consumer;

import dev.linkport.consumer.ChangeState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.InterfaceEndpoint;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.aws.SecurityGroup;
import dev.linkport.aws.Subnet;
import dev.linkport.aws.Vpc;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ServiceDetail;
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
import dev.linkport.identity.service.TeamCommands.AddMember;
import dev.linkport.identity.service.TeamCommands.CreateTeam;
import dev.linkport.identity.service.TeamService;
import dev.linkport.identity.service.TeamViews.TeamSummary;
import dev.linkport.identity.service.UserCommands.CreateUser;
import dev.linkport.identity.service.UserService;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.FieldError;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.sandbox.SandboxFault;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.support.Ids;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.TestUsers;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Changing an available endpoint (ModifyVpcEndpoint) through the service and the worker, against the sandbox: a
 * team of the test's own with its own account (the generated consumer policy attached, so the change must pass its
 * tag condition) changes subnets and security groups; AWS's state, the timeline and the audit log show it; wrong
 * changes are refused field by field, and nobody but the team (and admins) changes it.
 */
@LinkportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointChangesIT {

    private static final String REGION = "us-east-1";

    @Autowired TestUsers users;
    @Autowired UserService userService;
    @Autowired TeamService teams;
    @Autowired AccountService accounts;
    @Autowired AccountResources resources;
    @Autowired EndpointRequestService requests;
    @Autowired EndpointChangeService changes;
    @Autowired PrivateLinkGateway gateway;
    @Autowired SandboxLifecycle sandbox;
    @Autowired LoopFixture loop;
    @Autowired JdbcClient jdbc;

    String member;
    AccountDetails account;
    ServiceDetail service;
    String vpc;
    List<Subnet> subnets;
    List<SecurityGroup> groups;
    EndpointRequestDetails endpoint;

    @BeforeAll
    void anAvailableEndpointOfTheTestsOwnTeamInOneZone() {
        member = Ids.teamName("changer");
        TeamSummary team = users.as("admin", () -> {
            userService.create(new CreateUser(member, "Changer", null, "a-long-password-1", false));
            TeamSummary t = teams.createTeam(new CreateTeam(Ids.teamName("chg"), "Changers", null, false));
            teams.addMember(new AddMember(t.id(), member, MembershipRole.OWNER));
            return t;
        });
        String accountId = Ids.accountId();
        account = users.as(member, () -> accounts.register(new RegisterAccount(team.id(), accountId,
                "changes-" + accountId, Set.of(REGION), "arn:aws:iam::" + accountId + ":role/LinkportAccess")));
        sandbox.control().createAccount(accountId, "changes", List.of(REGION), account.externalId());
        sandbox.control().attachPolicies(accountId, team.name(), List.of("CONSUMER"));
        service = loop.publishedService(ApprovalPolicy.AUTO, "payments-ledger");
        vpc = users.as(member, () -> resources.vpcs(accountId, REGION)).stream().map(Vpc::vpcId).findFirst()
                .orElseThrow();
        // a subnet in every zone the service covers (the account's first three zones need not be those)
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
                service.id(), accountId, REGION, vpc, List.of(subnet(0)), List.of(group(0)), false, "Tests changes")));
        endpoint = loop.awaitState(member, submitted.id(), EndpointState.AVAILABLE, Duration.ofSeconds(60));
    }

    @AfterAll
    void detachPolicies() {
        sandbox.control().attachPolicies(account.accountId(), null, List.of());
    }

    @Test
    void aMemberAddsASubnetAndSwapsTheSecurityGroupAndAwsTheTimelineAndTheAuditLogShowIt() {
        EndpointChangeDetails asked = users.as(member, () -> changes.change(endpoint.id(),
                new ChangeEndpoint(List.of(subnet(0), subnet(1)), List.of(group(1)), null)));
        assertThat(asked.state()).isEqualTo(ChangeState.APPLYING);
        assertThat(asked.summary()).contains("+" + subnet(1), "+" + group(1), "−" + group(0));

        EndpointChangeDetails done = awaitChangeEnded(asked);
        assertThat(done.state()).as(done.outcome()).isEqualTo(ChangeState.DONE);

        InterfaceEndpoint inAws = gateway.describeInterfaceEndpoint(target(), endpoint.vpcEndpointId()).orElseThrow();
        assertThat(inAws.subnetIds()).containsExactlyInAnyOrder(subnet(0), subnet(1));
        assertThat(inAws.securityGroupIds()).containsExactly(group(1));
        assertThat(inAws.state()).isEqualTo("available");

        EndpointRequestDetails after = users.as(member, () -> requests.detail(endpoint.id()));
        assertThat(after.state()).isEqualTo(EndpointState.AVAILABLE);
        assertThat(after.subnetIds()).containsExactlyInAnyOrder(subnet(0), subnet(1));
        assertThat(after.securityGroupIds()).containsExactly(group(1));
        assertThat(after.dnsZonal()).hasSize(2);
        assertThat(after.timeline()).extracting(TimelineEntry::reason)
                .anySatisfy(r -> assertThat(r).startsWith("Change requested by " + member))
                .anySatisfy(r -> assertThat(r).startsWith("Changed in AWS: ").contains("+" + subnet(1)));
        assertThat(jdbc.sql("select action from audit_event where target_id = ? order by id")
                .param(endpoint.id().toString()).query(String.class).list())
                .containsSubsequence("REQUEST_AVAILABLE", "REQUEST_CHANGE_REQUESTED", "REQUEST_CHANGED");

        assertThatThrownBy(() -> users.as(member, () -> changes.change(endpoint.id(),
                new ChangeEndpoint(List.of(subnet(0), subnet(1)), List.of(group(1)), false))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Nothing to change");
    }

    @Test
    void aChangeAwsRefusesEndsFailedWithAwsMessageOnThePageTimelineAndAuditAndChangesNothing() {
        sandbox.control().injectFault(new SandboxFault("ModifyVpcEndpoint", account.accountId(),
                "InvalidParameterValue", 400, 1.0, Duration.ZERO, 1));
        try {
            EndpointChangeDetails asked = users.as(member, () -> changes.change(endpoint.id(),
                    new ChangeEndpoint(null, List.of(group(0), group(1)), null)));

            EndpointChangeDetails failed = awaitChangeEnded(asked);
            assertThat(failed.state()).isEqualTo(ChangeState.FAILED);
            assertThat(failed.outcome()).contains("InvalidParameterValue");
        } finally {
            sandbox.control().clearFaults();
        }
        assertThat(gateway.describeInterfaceEndpoint(target(), endpoint.vpcEndpointId()).orElseThrow()
                .securityGroupIds()).hasSize(1);
        EndpointRequestDetails after = users.as(member, () -> requests.detail(endpoint.id()));
        assertThat(after.state()).isEqualTo(EndpointState.AVAILABLE);
        assertThat(after.securityGroupIds()).hasSize(1);
        assertThat(after.timeline()).extracting(TimelineEntry::reason)
                .anySatisfy(r -> assertThat(r).startsWith("Changing the endpoint failed").contains("InvalidParameterValue"));
        assertThat(jdbc.sql("select action from audit_event where target_id = ? order by id")
                .param(endpoint.id().toString()).query(String.class).list()).contains("REQUEST_CHANGE_FAILED");
    }

    @Test
    void twoSubnetsInOneZoneAGroupOfAnotherVpcAndUnverifiedPrivateDnsAreRefusedFieldByField() {
        String sameZone = sandbox.control().addSubnet(account.accountId(), REGION, subnets.get(0).availabilityZone());

        assertThatThrownBy(() -> users.as(member, () -> changes.change(endpoint.id(),
                new ChangeEndpoint(List.of(subnet(0), sameZone), null, null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::message)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("subnetIds",
                                String.join(" and ", new java.util.TreeSet<>(List.of(subnet(0), sameZone)))
                                        + " are both in " + subnets.get(0).availabilityZone() + " ("
                                        + subnets.get(0).availabilityZoneId()
                                        + "); an endpoint takes one subnet per availability zone")));
        String otherVpcsGroup = users.as("bob", () -> {
            String bobsVpc = resources.vpcs(LoopFixture.BOB_ACCOUNT, REGION).getFirst().vpcId();
            return resources.securityGroups(LoopFixture.BOB_ACCOUNT, REGION, bobsVpc).getFirst().groupId();
        });
        assertThatThrownBy(() -> users.as(member, () -> changes.change(endpoint.id(),
                new ChangeEndpoint(null, List.of(otherVpcsGroup), null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("securityGroupIds", "No security group " + otherVpcsGroup + " in " + vpc)));
        assertThatThrownBy(() -> users.as(member, () -> changes.change(endpoint.id(),
                new ChangeEndpoint(null, null, true))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("privateDnsEnabled"));
        assertThatThrownBy(() -> users.as(member, () -> changes.change(endpoint.id(),
                new ChangeEndpoint(List.of(), List.of("sg-nope"), null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("securityGroupIds", "subnetIds"));

        InterfaceEndpoint inAws = gateway.describeInterfaceEndpoint(target(), endpoint.vpcEndpointId()).orElseThrow();
        assertThat(inAws.subnetIds()).doesNotContain(sameZone);
        assertThat(inAws.securityGroupIds()).doesNotContain(otherVpcsGroup);
    }

    @Test
    void onlyTheEndpointsTeamChangesItAndOnlyWhileItIsAvailable() {
        ChangeEndpoint change = new ChangeEndpoint(null, List.of(group(0), group(1)), null);
        assertThatThrownBy(() -> users.as("carol", () -> changes.change(endpoint.id(), change)))
                .isInstanceOf(NotFoundException.class);
        // alice's team provides the service: she sees the request, but it is not hers to change
        assertThatThrownBy(() -> users.as("alice", () -> changes.change(endpoint.id(), change)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(users.as("alice", () -> changes.options(endpoint.id())).canChange()).isFalse();

        ServiceDetail waiting = loop.publishedService(ApprovalPolicy.ADMIN, "payments-api");
        String subnetOfWaiting = subnets.stream().filter(s -> waiting.availabilityZoneIds()
                .contains(s.availabilityZoneId())).findFirst().orElseThrow().subnetId();
        EndpointRequestDetails submitted = users.as(member, () -> requests.submit(new SubmitEndpointRequest(
                waiting.id(), account.accountId(), REGION, vpc, List.of(subnetOfWaiting), List.of(group(0)), false,
                "Not decided yet")));
        assertThatThrownBy(() -> users.as(member, () -> changes.change(submitted.id(), change)))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Only an available endpoint can be changed; this one is SUBMITTED");
        assertThat(users.as(member, () -> changes.changes(submitted.id()))).isEmpty();
    }

    private EndpointChangeDetails awaitChangeEnded(EndpointChangeDetails change) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> users.as(member, () -> changes.changes(change.requestId())).getFirst(),
                        c -> !c.applying());
        EndpointChangeDetails ended = users.as(member, () -> changes.changes(change.requestId())).getFirst();
        assertThat(ended.id()).isEqualTo(change.id());
        return ended;
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
