package dev.linkport.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.linkport.approval.service.ApprovalService;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.aws.Subnet;
import dev.linkport.aws.Vpc;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.ChangeApproval;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.catalog.service.ServiceEditService;
import dev.linkport.consumer.ChangeState;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.service.ChangeEndpoint;
import dev.linkport.consumer.service.EndpointChangeDetails;
import dev.linkport.consumer.service.EndpointChangeService;
import dev.linkport.consumer.service.EndpointRequestDetails;
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
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.support.BrowserTest;
import dev.linkport.support.Ids;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.TestUsers;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Approval of endpoint changes in the browser: the provider asks for it in the service's settings, the consumer's
 * change waits ("waiting for approval" on My endpoints), and the provider approves it on the Approvals page, showing
 * subnets before → after; AWS then holds the change. A team, user and account of the test's own.
 */
@LinkportIntegrationTest
class ChangeApprovalBrowserIT extends BrowserTest {

    private static final String REGION = "us-east-1";
    private static final String PASSWORD = "a-long-password-1";

    @Autowired TestUsers users;
    @Autowired UserService userService;
    @Autowired TeamService teams;
    @Autowired AccountService accounts;
    @Autowired AccountResources resources;
    @Autowired EndpointRequestService requests;
    @Autowired EndpointChangeService changes;
    @Autowired ServiceEditService settings;
    @Autowired ApprovalService approvals;
    @Autowired PrivateLinkGateway gateway;
    @Autowired SandboxLifecycle sandbox;
    @Autowired LoopFixture loop;

    @Test
    void theProviderAsksForApprovalOfChangesAndApprovesAWaitingChangeOnTheApprovalsPage() {
        String member = Ids.teamName("browser-asker");
        TeamSummary team = users.as("admin", () -> {
            userService.create(new CreateUser(member, "Browser asker", null, PASSWORD, false));
            TeamSummary t = teams.createTeam(new CreateTeam(Ids.teamName("chgui"), "Change askers", null, false));
            teams.addMember(new AddMember(t.id(), member, MembershipRole.OWNER));
            return t;
        });
        String accountId = Ids.accountId();
        AccountDetails account = users.as(member, () -> accounts.register(new RegisterAccount(team.id(), accountId,
                "change-ui-" + accountId, Set.of(REGION), "arn:aws:iam::" + accountId + ":role/LinkportAccess")));
        sandbox.control().createAccount(accountId, "change-ui", List.of(REGION), account.externalId());
        AwsTarget target = AwsTarget.system(accountId, REGION, account.roleArn(), account.externalId());
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-ledger");
        String vpc = users.as(member, () -> resources.vpcs(accountId, REGION)).stream().map(Vpc::vpcId).findFirst()
                .orElseThrow();
        List<String> zoned = users.as(member, () -> resources.subnets(accountId, REGION, vpc)).stream()
                .map(Subnet::availabilityZoneId).toList();
        gateway.describeAvailabilityZones(target).stream()
                .filter(z -> service.availabilityZoneIds().contains(z.id()) && !zoned.contains(z.id()))
                .forEach(z -> sandbox.control().addSubnet(accountId, REGION, z.name()));
        List<String> subnets = users.as(member, () -> resources.subnets(accountId, REGION, vpc)).stream()
                .filter(s -> service.availabilityZoneIds().contains(s.availabilityZoneId()))
                .sorted(Comparator.comparing(Subnet::availabilityZone)).map(Subnet::subnetId).toList();
        String group = users.as(member, () -> resources.securityGroups(accountId, REGION, vpc)).getFirst().groupId();
        EndpointRequestDetails submitted = users.as(member, () -> requests.submit(new SubmitEndpointRequest(
                service.id(), accountId, REGION, vpc, List.of(subnets.get(0)), List.of(group), false, "UI test")));
        users.as("alice", () -> approvals.approve(submitted.id(), null));
        EndpointRequestDetails endpoint = loop.awaitState(member, submitted.id(), EndpointState.AVAILABLE,
                Duration.ofSeconds(60));

        // the provider asks for approval of changes in the service's settings
        browser.signIn("alice", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/services/" + service.id() + "/settings");
        browser.click(By.xpath("//*[@id='edit-change-approval']//vaadin-radio-button[contains(., "
                + "'Need approval')]/label"));
        browser.click(By.id("save-settings"));
        browser.until(d -> d.getPageSource().contains("Saved " + service.name()));
        assertThat(users.as("alice", () -> settings.settings(service.id())).changeApproval())
                .isEqualTo(ChangeApproval.SAME_AS_REQUESTS);
        browser.screenshot("change-approval-1-settings");

        // the consumer's change waits, and My endpoints says so
        EndpointChangeDetails asked = users.as(member, () -> changes.change(endpoint.id(),
                new ChangeEndpoint(List.of(subnets.get(0), subnets.get(1)), null, null)));
        assertThat(asked.state()).isEqualTo(ChangeState.AWAITING_APPROVAL);
        browser.signOut();
        browser.signIn(member, PASSWORD);
        browser.waitForPath("/");
        browser.open("/my-endpoints/" + endpoint.id());
        browser.until(d -> browser.text(By.id("endpoint-change-waiting")).contains("waiting for approval"));
        browser.screenshot("change-approval-2-waiting");

        // the provider sees what changes and approves it
        browser.signOut();
        browser.signIn("alice", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/approvals");
        browser.waitForGridRow("change-decisions-grid", subnets.get(1));
        assertThat(browser.gridRows("change-decisions-grid")).anySatisfy(row -> assertThat(row)
                .contains("Subnets: " + subnets.get(0) + " → " + subnets.get(0) + ", " + subnets.get(1)));
        browser.screenshot("change-approval-3-dashboard");
        browser.click(By.id("approve-change-" + asked.id()));
        browser.until(d -> d.getPageSource().contains("Approved the change"));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> users.as(member, () -> changes.changes(endpoint.id())).getFirst().state(),
                        s -> s != ChangeState.AWAITING_APPROVAL && s != ChangeState.APPLYING);
        assertThat(users.as(member, () -> changes.changes(endpoint.id())).getFirst().state())
                .isEqualTo(ChangeState.DONE);
        assertThat(gateway.describeInterfaceEndpoint(target, endpoint.vpcEndpointId()).orElseThrow().subnetIds())
                .containsExactlyInAnyOrder(subnets.get(0), subnets.get(1));
    }
}
