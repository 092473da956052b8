package dev.linkport.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.linkport.aws.NetworkLoadBalancer;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.ListingState;
import dev.linkport.catalog.Visibility;
import dev.linkport.catalog.service.ListingService;
import dev.linkport.catalog.service.PublishServiceCommand;
import dev.linkport.catalog.service.ServiceDetail;
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
import dev.linkport.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Cross-region PrivateLink in the browser: a team whose account is registered for us-east-1 and eu-west-1 chooses
 * eu-west-1 on the request form of a us-east-1 service that supports it, sees its eu-west-1 subnets enabled in the
 * zones AWS offers there (and the other one disabled), submits; the provider approves; the endpoint turns
 * AVAILABLE with its DNS names.
 */
@LinkportIntegrationTest
class CrossRegionBrowserIT extends BrowserTest {

    static final String PASSWORD = "a-long-password-xr";

    @Autowired TestUsers users;
    @Autowired UserService userService;
    @Autowired TeamService teams;
    @Autowired AccountService accounts;
    @Autowired AccountResources resources;
    @Autowired ListingService listings;
    @Autowired SandboxLifecycle sandbox;

    @Test
    void aConsumerChoosesEuWest1SeesTheZonesAwsOffersThereAndGetsAnAvailableEndpointToAUsEast1Service() {
        String user = Ids.teamName("xr-user");
        TeamSummary team = users.as("admin", () -> {
            userService.create(new CreateUser(user, "Cross-region consumer", null, PASSWORD, false));
            TeamSummary t = teams.createTeam(new CreateTeam(Ids.teamName("xr"), "Cross-region team", null, false));
            teams.addMember(new AddMember(t.id(), user, MembershipRole.OWNER));
            return t;
        });
        String accountId = Ids.accountId();
        AccountDetails account = users.as(user, () -> accounts.register(new RegisterAccount(team.id(), accountId,
                "global-" + accountId, Set.of("us-east-1", "eu-west-1"), "arn:aws:iam::" + accountId
                + ":role/LinkportAccess")));
        sandbox.control().createAccount(accountId, "global", List.of("us-east-1", "eu-west-1"), account.externalId());
        ServiceDetail service = publishedSupportingEuWest1();

        browser.signIn(user, PASSWORD);
        browser.waitForPath("/");
        browser.open("/services/" + service.id() + "/request");
        browser.fill(By.cssSelector("#request-region input"), "eu-west-1");
        browser.click(By.xpath("//vaadin-combo-box-item[normalize-space(.)='eu-west-1']"));

        // the subnets of the eu-west-1 VPC, checked against eu-west-1's zones, not the service's use1-… zones
        By unserved = option("request-subnets", "euw1-az3");
        browser.until(d -> browser.all(unserved).size() == 1);
        assertThat(browser.text(unserved)).contains("AWS does not offer the service in this zone from eu-west-1");
        assertThat(browser.attribute(unserved, "disabled")).isNotNull();
        assertThat(browser.attribute(option("request-subnets", "euw1-az1"), "disabled")).isNull();
        assertThat(browser.attribute(option("request-subnets", "euw1-az2"), "disabled")).isNull();
        assertThat(browser.all(By.cssSelector("#request-subnets vaadin-checkbox"))).hasSize(3);
        assertThat(browser.text(By.id("request-subnets"))).contains("The service runs in us-east-1; from eu-west-1 "
                + "AWS offers it in the zones euw1-az1, euw1-az2 of your region");
        browser.click(optionLabel("request-subnets", "euw1-az1"));
        browser.click(optionLabel("request-subnets", "euw1-az2"));
        browser.until(d -> text("request-cost").contains("2 zones"));
        browser.type(By.cssSelector("#request-justification textarea"), "Our Dublin workloads pay through it");
        browser.screenshot("crossregion-1-request-form");
        browser.click(By.id("request-submit"));

        browser.until(d -> browser.path().startsWith("/my-endpoints/"));
        String requestId = browser.path().substring("/my-endpoints/".length());
        browser.until(d -> text("endpoint-state").equals("SUBMITTED"));

        // the provider approves
        browser.signOut();
        browser.signIn("alice", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/approvals");
        browser.click(By.id("approve-" + requestId));
        browser.until(d -> d.findElements(By.id("approve-" + requestId)).stream().noneMatch(WebElement::isDisplayed));

        browser.signOut();
        browser.signIn(user, PASSWORD);
        browser.waitForPath("/");
        browser.open("/my-endpoints/" + requestId);
        browser.until(d -> text("endpoint-state").equals("AVAILABLE"));
        browser.until(d -> text("dns-regional").endsWith(".vpce.amazonaws.com"));
        assertThat(browser.all(By.cssSelector("[id^='dns-zonal-']"))).hasSize(2);
        browser.screenshot("crossregion-2-available");
    }

    /** alice publishes a us-east-1 service on payments-api that eu-west-1 consumers may reach; PROVIDER approves. */
    private ServiceDetail publishedSupportingEuWest1() {
        String nlb = users.as("alice", () -> resources.loadBalancers("111111111111", "us-east-1")).stream()
                .filter(l -> l.name().equals("payments-api")).map(NetworkLoadBalancer::arn).findFirst().orElseThrow();
        ServiceDetail published = users.as("alice", () -> listings.publish(new PublishServiceCommand(
                Ids.teamName("xr-svc"), "Payments from every region", "For the cross-region test", Set.of("test"),
                null, "#payments", "443", "111111111111", "us-east-1", List.of(nlb), true, ApprovalPolicy.PROVIDER,
                null, Set.of("eu-west-1"), Visibility.ALL_TEAMS, Set.of())));
        await().atMost(Duration.ofSeconds(30)).until(
                () -> users.as("alice", () -> listings.detail(published.id())).state(), s -> s != ListingState.PUBLISHING);
        ServiceDetail detail = users.as("alice", () -> listings.detail(published.id()));
        assertThat(detail.state()).as(String.valueOf(detail.failureReason())).isEqualTo(ListingState.AVAILABLE);
        return detail;
    }

    private String text(String id) {
        try {
            List<WebElement> found = browser.all(By.id(id));
            return found.isEmpty() ? "" : found.getFirst().getText();
        } catch (StaleElementReferenceException rerendered) {
            return "";
        }
    }

    private static By option(String groupId, String label) {
        return By.xpath(optionPath(groupId, label));
    }

    private static By optionLabel(String groupId, String label) {
        return By.xpath(optionPath(groupId, label) + "/label");
    }

    private static String optionPath(String groupId, String label) {
        return "//*[@id='" + groupId + "']//*[self::vaadin-checkbox or self::vaadin-radio-button][contains(., '"
                + label + "')]";
    }
}
