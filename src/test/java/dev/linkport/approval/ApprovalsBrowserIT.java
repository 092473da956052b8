package dev.linkport.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.linkport.approval.service.ApprovalService;
import dev.linkport.aws.NetworkLoadBalancer;
import dev.linkport.aws.Subnet;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.ListingState;
import dev.linkport.catalog.service.ListingService;
import dev.linkport.catalog.service.PublishServiceCommand;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.consumer.service.SubmitEndpointRequest;
import dev.linkport.identity.service.AccountResources;
import dev.linkport.identity.MembershipRole;
import dev.linkport.identity.service.TeamCommands.AddMember;
import dev.linkport.identity.service.TeamDirectory;
import dev.linkport.identity.service.TeamService;
import dev.linkport.identity.service.UserCommands.CreateUser;
import dev.linkport.identity.service.UserService;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.support.BrowserTest;
import dev.linkport.support.Ids;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The approval dashboard of a provider team: reject with a reason, find a request by its account and reject it in
 * bulk, approve several at once; one's own request waits there for the others, its buttons off and the reason shown.
 */
@LinkportIntegrationTest
class ApprovalsBrowserIT extends BrowserTest {

    @Autowired TestUsers users;
    @Autowired ListingService listings;
    @Autowired EndpointRequestService requests;
    @Autowired AccountResources resources;
    @Autowired ApprovalService approvals;
    @Autowired UserService userService;
    @Autowired TeamService teamService;
    @Autowired TeamDirectory teams;
    @Autowired SandboxLifecycle sandbox;

    @Test
    void aProviderRejectsOneRequestWithAReasonAndApprovesTheOthersTogether() {
        // Other tests in this JVM may have left requests waiting for payments: decide them first,
        // so the dashboard shows only this test's requests.
        users.run("alice", () -> approvals.pending(0, 1000)
                .forEach(r -> approvals.reject(r.id(), "Left over by an earlier test")));
        ServiceDetail service = publishWithProviderPolicy();
        UUID first = request(service, "first");
        UUID second = request(service, "second");
        UUID third = request(service, "third");
        UUID fourth = request(service, "fourth", "carol", LoopFixture.CAROL_ACCOUNT);

        browser.signIn("alice", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/approvals");
        browser.click(By.id("reject-" + first));
        browser.click(By.id("reject-confirm"));
        browser.until(d -> String.valueOf(browser.waitFor(By.id("reject-reason")).getDomProperty("errorMessage"))
                .contains("Say why"));
        browser.screenshot("approvals-1-reject-needs-reason");
        browser.type(By.cssSelector("#reject-reason textarea"), "Use the shared VPC instead");
        browser.click(By.id("reject-confirm"));
        browser.until(d -> d.findElements(By.id("reject-" + first)).stream().noneMatch(WebElement::isDisplayed));
        assertThat(users.as("bob", () -> requests.detail(first)).state()).isEqualTo(EndpointState.REJECTED);
        assertThat(users.as("bob", () -> requests.detail(first)).decisionReason()).isEqualTo("Use the shared VPC instead");

        // carol's team asked too: the provider finds her request by her account and rejects it with the bulk action
        browser.until(d -> rowCheckboxes().size() == 3);
        browser.fill(By.cssSelector("#approvals-search input"), LoopFixture.CAROL_ACCOUNT);
        browser.until(d -> rowCheckboxes().size() == 1
                && browser.gridRows("approvals-grid").getFirst().contains(LoopFixture.CAROL_ACCOUNT));
        browser.click("carol's row checkbox", d -> rowCheckbox(0));
        browser.until(d -> browser.text(By.id("reject-selected")).equals("Reject selected (1)"));
        browser.click(By.id("reject-selected"));
        browser.click(By.id("bulk-reject-confirm"));
        browser.until(d -> String.valueOf(browser.waitFor(By.id("bulk-reject-reason")).getDomProperty("errorMessage"))
                .contains("Say why"));
        browser.type(By.cssSelector("#bulk-reject-reason textarea"), "Analytics reads the nightly export instead");
        browser.click(By.id("bulk-reject-confirm"));
        browser.waitFor(By.id("bulk-outcomes"));
        assertThat(browser.all(By.cssSelector("#bulk-outcomes .outcome-ok"))).hasSize(1);
        assertThat(browser.text(By.id("bulk-outcomes"))).contains("rejected");
        browser.screenshot("approvals-2-bulk-rejected");
        browser.click(By.id("bulk-outcomes-close"));
        assertThat(users.as("carol", () -> requests.detail(fourth)).state()).isEqualTo(EndpointState.REJECTED);
        assertThat(users.as("carol", () -> requests.detail(fourth)).decisionReason())
                .isEqualTo("Analytics reads the nightly export instead");
        browser.click(By.id("approvals-clear-filters"));

        browser.until(d -> rowCheckboxes().size() == 2);
        // one at a time: selecting re-renders the grid, so each checkbox is looked up again when it is clicked
        browser.click("first row's checkbox", d -> rowCheckbox(0));
        browser.until(d -> browser.text(By.id("approve-selected")).equals("Approve selected (1)"));
        browser.click("second row's checkbox", d -> rowCheckbox(1));
        browser.until(d -> browser.text(By.id("approve-selected")).equals("Approve selected (2)"));
        browser.screenshot("approvals-3-selected");
        browser.click(By.id("approve-selected"));
        browser.waitFor(By.id("bulk-outcomes"));
        assertThat(browser.all(By.cssSelector("#bulk-outcomes .outcome-ok"))).hasSize(2);
        assertThat(browser.text(By.id("bulk-outcomes"))).contains(service.name() + " for checkout").contains("approved");
        browser.screenshot("approvals-4-bulk-outcome");
        assertThat(users.as("bob", () -> requests.detail(second)).state()).isNotEqualTo(EndpointState.SUBMITTED);
        assertThat(users.as("bob", () -> requests.detail(third)).state()).isNotEqualTo(EndpointState.SUBMITTED);
    }

    @Test
    void aProviderWhoAskedThemselvesSeesTheirOwnRequestWithItsDecideButtonsDisabledAndWhy() {
        String ivy = Ids.teamName("ivy");
        users.run("admin", () -> {
            userService.create(new CreateUser(ivy, "Ivy", null, "linkport-demo", false));
            teamService.addMember(new AddMember(teams.idByName("payments").orElseThrow(), ivy, MembershipRole.MEMBER));
            teamService.addMember(new AddMember(teams.idByName("checkout").orElseThrow(), ivy, MembershipRole.MEMBER));
        });
        ServiceDetail service = publishWithProviderPolicy();
        UUID own = request(service, "ivy's own", ivy, LoopFixture.BOB_ACCOUNT);

        browser.signIn(ivy, "linkport-demo");
        browser.waitForPath("/");
        browser.open("/approvals/" + own); // the link in notifications: the dashboard filtered to the service
        browser.until(d -> browser.attribute(By.id("approve-" + own), "disabled") != null
                && browser.attribute(By.id("reject-" + own), "disabled") != null);
        assertThat(browser.text(By.id("own-" + own))).contains("your own request").contains("someone else");
        browser.screenshot("approvals-5-own-request");

        users.run("alice", () -> approvals.reject(own, "Decided by a second pair of eyes"));
        assertThat(users.as(ivy, () -> requests.detail(own)).state()).isEqualTo(EndpointState.REJECTED);
    }

    /** The checkbox of the grid's row at that index, or null while there is none. */
    private WebElement rowCheckbox(int index) {
        List<WebElement> boxes = rowCheckboxes();
        return index < boxes.size() ? boxes.get(index) : null;
    }

    private List<WebElement> rowCheckboxes() {
        return browser.all(By.cssSelector("#approvals-grid vaadin-checkbox")).stream()
                .filter(WebElement::isDisplayed).filter(c -> c.getAttribute("aria-label") == null
                        || !c.getAttribute("aria-label").toLowerCase().contains("all"))
                .toList();
    }

    private ServiceDetail publishWithProviderPolicy() {
        String nlb = users.as("alice", () -> resources.loadBalancers("111111111111", "us-east-1")).stream()
                .filter(l -> l.name().equals("payments-api")).map(NetworkLoadBalancer::arn).findFirst().orElseThrow();
        ServiceDetail published = users.as("alice", () -> listings.publish(new PublishServiceCommand(
                "api-" + UUID.randomUUID().toString().substring(0, 8), "Payments API", null, Set.of("payments"), null,
                "#payments", "443", "111111111111", "us-east-1", List.of(nlb), true, ApprovalPolicy.PROVIDER, null,
                Set.of(), null, Set.of())));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> users.as("alice", () -> listings.detail(published.id())).state(), s -> s == ListingState.AVAILABLE);
        return users.as("alice", () -> listings.detail(published.id()));
    }

    private UUID request(ServiceDetail service, String why) {
        return request(service, why, "bob", LoopFixture.BOB_ACCOUNT);
    }

    private UUID request(ServiceDetail service, String why, String user, String account) {
        return users.as(user, () -> {
            // each request into a VPC of its own: a second one for the service into the same VPC is refused
            String vpc = sandbox.control().addVpc(account, "us-east-1", "approvals-" + UUID.randomUUID().toString()
                    .substring(0, 8));
            List<String> subnets = resources.subnets(account, "us-east-1", vpc).stream()
                    .filter(s -> service.availabilityZoneIds().contains(s.availabilityZoneId()))
                    .map(Subnet::subnetId).toList();
            return requests.submit(new SubmitEndpointRequest(service.id(), account, "us-east-1", vpc, subnets,
                    List.of(), false, "Checkout needs it: " + why)).id();
        });
    }
}
