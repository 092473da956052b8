package dev.linkport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkport.identity.service.AccessCheckResult;
import dev.linkport.identity.service.AccessCheckResult.Outcome;
import dev.linkport.identity.service.AccessCheckResult.Step;
import dev.linkport.identity.service.AccessCheckResult.StepOutcome;
import dev.linkport.identity.service.AccessCheckService;
import dev.linkport.identity.service.AccountCommands.RegisterAccount;
import dev.linkport.identity.service.AccountDetails;
import dev.linkport.identity.service.AccountService;
import dev.linkport.identity.service.LastAccessCheck;
import dev.linkport.identity.service.TeamCommands.AddMember;
import dev.linkport.identity.service.TeamCommands.CreateTeam;
import dev.linkport.identity.service.TeamService;
import dev.linkport.identity.service.TeamViews.TeamSummary;
import dev.linkport.identity.service.UserCommands.CreateUser;
import dev.linkport.identity.service.UserService;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.sandbox.SandboxFault;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.support.Ids;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** "Test access" through the service against the sandbox: a good role, a wrong ExternalId, a missing permission. */
@LinkportIntegrationTest
class AccessCheckIT {

    @Autowired TestUsers users;
    @Autowired TeamService teams;
    @Autowired AccountService accounts;
    @Autowired UserService userService;
    @Autowired AccessCheckService checks;
    @Autowired SandboxLifecycle sandbox;

    TeamSummary team;
    String owner;
    String member;
    AccountDetails account;

    @BeforeEach
    void aTeamWithAnAccountRegisteredInLinkport() {
        owner = Ids.teamName("owner");
        member = Ids.teamName("member");
        team = users.as("admin", () -> {
            userService.create(new CreateUser(owner, "Owner", null, "a-long-password-1", false));
            userService.create(new CreateUser(member, "Member", null, "a-long-password-2", false));
            TeamSummary t = teams.createTeam(new CreateTeam(Ids.teamName("t"), "Team", null, false));
            teams.addMember(new AddMember(t.id(), owner, MembershipRole.OWNER));
            teams.addMember(new AddMember(t.id(), member, MembershipRole.MEMBER));
            return t;
        });
        String accountId = Ids.accountId();
        account = users.as(owner, () -> accounts.register(new RegisterAccount(team.id(), accountId,
                "prod-" + accountId, Set.of("us-east-1"), "arn:aws:iam::" + accountId + ":role/LinkportAccess")));
    }

    @AfterEach
    void clearFaults() {
        sandbox.control().clearFaults();
    }

    @Test
    void aGoodRoleIsAssumedAndEveryPermissionGroupReadsAndTheResultIsRecorded() {
        roleRequiresTheRegisteredExternalId();

        AccessCheckResult result = users.as(owner, () -> checks.check(account.id()));

        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.OK);
        assertThat(result.steps()).extracting(Step::permission).containsExactly("sts:AssumeRole",
                "ec2:DescribeVpcEndpointServiceConfigurations", "elasticloadbalancing:DescribeLoadBalancers",
                "ec2:DescribeVpcEndpoints", "ec2:DescribeVpcs");
        assertThat(result.steps()).extracting(Step::outcome).containsOnly(StepOutcome.PASSED);
        assertThat(result.summary()).isEqualTo("Linkport can assume the role and read what it needs in us-east-1");

        LastAccessCheck last = users.as(member, () -> checks.lastChecksOfTeam(team.id())).get(account.id());
        assertThat(last.outcome()).isEqualTo(Outcome.OK);
        assertThat(last.checkedBy()).isEqualTo(owner);
        assertThat(last.summary()).isEqualTo(result.summary());
    }

    @Test
    void aWrongExternalIdIsExplainedWithTheExternalIdTheTrustPolicyMustRequire() {
        // the sandbox's role requires demo-<account>, not the ExternalId Linkport generated
        sandbox.control().createAccount(account.accountId(), "access-check", List.of("us-east-1"));

        AccessCheckResult result = users.as(owner, () -> checks.check(account.id()));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        Step assume = result.steps().getFirst();
        assertThat(assume.outcome()).isEqualTo(StepOutcome.FAILED);
        assertThat(assume.explanation())
                .contains("the ExternalId does not match — the trust policy must require " + account.externalId())
                .contains("does not trust Linkport's principal arn:aws:iam::000000000000:root");
        assertThat(assume.awsError()).startsWith("AccessDenied: User: arn:aws:iam::000000000000:root is not "
                + "authorized to perform: sts:AssumeRole on resource: " + account.roleArn());
        assertThat(result.steps().subList(1, result.steps().size())).extracting(Step::outcome)
                .containsOnly(StepOutcome.SKIPPED);
        assertThat(result.summary()).contains("cannot assume the role").contains("ExternalId");
        assertThat(result.trustPolicy()).contains(account.externalId());
        assertThat(users.as(owner, () -> checks.lastChecksOfTeam(team.id())).get(account.id()).outcome())
                .isEqualTo(Outcome.FAILED);

        // mending the trust policy mends the check
        roleRequiresTheRegisteredExternalId();
        assertThat(users.as(owner, () -> checks.check(account.id())).outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void aMissingPermissionIsNamedWithThePolicyToAttachAndTheOtherGroupsStillRead() {
        roleRequiresTheRegisteredExternalId();
        sandbox.control().configureRole(account.accountId(), null,
                List.of("ec2:DescribeVpcEndpoints", "elasticloadbalancing:DescribeLoadBalancers"));

        AccessCheckResult result = users.as(owner, () -> checks.check(account.id()));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.steps()).extracting(Step::permission, Step::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("sts:AssumeRole", StepOutcome.PASSED),
                org.assertj.core.groups.Tuple.tuple("ec2:DescribeVpcEndpointServiceConfigurations", StepOutcome.PASSED),
                org.assertj.core.groups.Tuple.tuple("elasticloadbalancing:DescribeLoadBalancers", StepOutcome.FAILED),
                org.assertj.core.groups.Tuple.tuple("ec2:DescribeVpcEndpoints", StepOutcome.FAILED),
                org.assertj.core.groups.Tuple.tuple("ec2:DescribeVpcs", StepOutcome.PASSED));
        Step endpoints = result.steps().get(3);
        assertThat(endpoints.explanation()).startsWith(
                "Missing permission ec2:DescribeVpcEndpoints — attach the permissions policy shown below");
        assertThat(endpoints.awsError()).startsWith("UnauthorizedOperation: You are not authorized to perform this "
                + "operation.");
        Step loadBalancers = result.steps().get(2);
        assertThat(loadBalancers.explanation()).startsWith(
                "Missing permission elasticloadbalancing:DescribeLoadBalancers — attach the permissions policy");
        assertThat(loadBalancers.awsError()).startsWith("AccessDenied: User: arn:aws:sts::" + account.accountId()
                + ":assumed-role/LinkportAccess/linkport." + owner + " is not authorized to perform: "
                + "elasticloadbalancing:DescribeLoadBalancers");
        assertThat(result.summary()).isEqualTo("Missing permissions elasticloadbalancing:DescribeLoadBalancers, "
                + "ec2:DescribeVpcEndpoints — attach the permissions policy");
        assertThat(result.consumerPolicy()).contains("\"ec2:DescribeVpcEndpoints\"");
        assertThat(result.providerPolicy()).contains("\"elasticloadbalancing:DescribeLoadBalancers\"");
    }

    @Test
    void aThrottledReadSaysTryAgainRatherThanBlamingTheRole() {
        roleRequiresTheRegisteredExternalId();
        // every attempt of the read is throttled, retries included
        sandbox.control().injectFault(new SandboxFault("DescribeVpcs", account.accountId(), "RequestLimitExceeded",
                503, 1.0, Duration.ZERO, 20));

        AccessCheckResult result = users.as(owner, () -> checks.check(account.id()));

        assertThat(result.outcome()).isEqualTo(Outcome.TRY_AGAIN);
        Step vpcs = result.steps().getLast();
        assertThat(vpcs.outcome()).isEqualTo(StepOutcome.TRY_AGAIN);
        assertThat(vpcs.explanation()).contains("throttled").endsWith("try again in a minute.");
        assertThat(result.summary()).contains("try again");

        // once AWS answers again, so does the check (and the account no longer counts as unreachable: the
        // application's frame would show it to every later test)
        sandbox.control().clearFaults();
        assertThat(users.as(owner, () -> checks.check(account.id())).outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void onlyOwnersAndAdminsTestAndOutsidersDoNotSeeTheAccount() {
        roleRequiresTheRegisteredExternalId();

        assertThatThrownBy(() -> users.as(member, () -> checks.check(account.id())))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("owners");
        assertThatThrownBy(() -> users.as("carol", () -> checks.checkAccount(account.accountId())))
                .isInstanceOf(NotFoundException.class);
        assertThat(users.as("admin", () -> checks.checkAccount(account.accountId())).outcome())
                .isEqualTo(Outcome.OK);
    }

    private void roleRequiresTheRegisteredExternalId() {
        sandbox.control().createAccount(account.accountId(), "access-check", List.of("us-east-1"),
                account.externalId());
    }
}
