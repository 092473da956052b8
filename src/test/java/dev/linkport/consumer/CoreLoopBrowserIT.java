package dev.linkport.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.support.Browser;
import dev.linkport.support.BrowserTest;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * The core loop as people do it in the browser: alice publishes, bob finds and requests, an admin
 * approves in a second browser while bob's My endpoints page turns AVAILABLE by itself, bob sees its usage
 * (synthetic traffic from the sandbox's CloudWatch) and deletes it.
 */
@LinkportIntegrationTest
class CoreLoopBrowserIT extends BrowserTest {

    @Autowired TestUsers users;
    @Autowired EndpointRequestService requests;
    @Autowired SandboxLifecycle sandbox;

    @Test
    void aProviderPublishesAConsumerRequestsAnAdminApprovesAndTheConsumerSeesItLiveThenDeletesIt() {
        String name = "ledger-ui-" + UUID.randomUUID().toString().substring(0, 6);

        // alice publishes payments-ledger with the ADMIN policy
        browser.signIn("alice", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/my-services");
        browser.click(By.id("publish-service"));
        browser.waitForPath("/my-services/new");
        browser.type(input("publish-name"), name);
        browser.type(input("publish-summary"), "The payments ledger, through PrivateLink");
        browser.type(By.cssSelector("#publish-description textarea"),
                "Double-entry ledger.\n\n<script>alert('not run')</script> stays text.");
        assertThat(browser.text(option("publish-nlbs", "payments-ledger")))
                .contains("internal").contains("us-east-1a (use1-az1)").contains("3 zones");
        browser.click(optionLabel("publish-nlbs", "payments-ledger"));
        browser.click(optionLabel("publish-policy", "Platform admins"));
        browser.screenshot("core-1-publish-form");
        browser.click(By.id("publish-submit"));

        browser.until(d -> browser.path().startsWith("/services/"));
        browser.screenshot("core-2-service-publishing");
        browser.until(d -> text("service-state").equals("AVAILABLE"));
        browser.until(d -> text("service-name").startsWith("com.amazonaws.vpce.us-east-1.vpce-svc-"));
        assertThat(text("service-description")).contains("<script>alert('not run')</script>");
        assertThat(text("service-cost")).startsWith("$21.90 a month for an endpoint in all 3 zones");
        browser.screenshot("core-3-service-available");
        browser.open("/my-services");
        browser.until(d -> browser.waitFor(By.id("my-services-grid")).getText().contains(name));
        browser.screenshot("core-3b-my-services");

        // bob finds it by searching the catalog and requests an endpoint
        browser.signOut();
        browser.signIn("bob", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/catalog");
        browser.type(input("catalog-search"), name);
        // The grid re-renders as the search arrives at the server (search-as-you-type): wait until it shows
        // the result, the one service of that name, before clicking a row.
        browser.until(d -> {
            List<String> rows = browser.gridRows("catalog-grid");
            return rows.size() == 1 && rows.getFirst().contains(name);
        });
        browser.screenshot("core-4-catalog-search");
        browser.clickGridRow("catalog-grid", name);
        browser.until(d -> browser.path().startsWith("/services/"));
        String serviceId = browser.path().substring("/services/".length());
        browser.click(By.id("request-endpoint"));
        browser.waitForPath("/services/" + serviceId + "/request");

        By outside = option("request-subnets", "use1-az4");
        assertThat(browser.text(outside)).contains("us-east-1a (use1-az4): the service is not in this zone");
        assertThat(browser.attribute(outside, "disabled")).isNotNull();
        List<WebElement> subnets = browser.all(By.cssSelector("#request-subnets vaadin-checkbox"));
        assertThat(subnets).hasSize(3);
        assertThat(text("request-cost")).isEqualTo("choose subnets to see the estimate");
        browser.click(optionLabel("request-subnets", "use1-az1"));
        browser.click(optionLabel("request-subnets", "use1-az2"));
        browser.until(d -> text("request-cost").startsWith("$14.60 a month: 2 zones × $0.01/h × 730 h"));
        // the expected traffic goes into the estimate the approver sees
        browser.type(input("request-expected-traffic"), "100");
        browser.until(d -> text("request-cost").equals(
                "$15.60 a month: 2 zones × $0.01/h × 730 h = $14.60 + 100 GB × $0.01 = $1.00"));
        browser.click(By.id("request-submit")); // without a justification: the server's rule shows on the field
        browser.until(d -> String.valueOf(browser.waitFor(By.id("request-justification")).getDomProperty("errorMessage"))
                .contains("Say why your team needs this endpoint"));
        assertThat(browser.path()).isEqualTo("/services/" + serviceId + "/request");
        browser.type(By.cssSelector("#request-justification textarea"), "Checkout books payments");
        browser.screenshot("core-5-request-form");
        browser.click(By.id("request-submit"));

        browser.until(d -> browser.path().startsWith("/my-endpoints/"));
        String requestId = browser.path().substring("/my-endpoints/".length());
        browser.until(d -> text("endpoint-state").equals("SUBMITTED"));
        browser.screenshot("core-6-my-endpoints-submitted");

        // bob's teams have many endpoints: he narrows the list by the service's name, then by words nothing has
        browser.fill(input("endpoints-search"), name);
        browser.until(d -> {
            List<String> rows = browser.gridRows("endpoints-grid");
            return rows.size() == 1 && rows.getFirst().contains(name) && rows.getFirst().contains("SUBMITTED");
        });
        browser.fill(input("endpoints-search"), "no-such-endpoint-" + name);
        browser.until(d -> browser.gridRows("endpoints-grid").isEmpty());
        browser.screenshot("core-6b-my-endpoints-filtered-to-nothing");
        browser.fill(input("endpoints-search"), name);
        browser.waitForGridRow("endpoints-grid", name);

        // an admin approves in a second browser; bob's page stays open and is not reloaded
        try (Browser admin = Browser.start(port)) {
            admin.open("/login"); // a fresh browser shows "data:,", which has no path yet
            admin.signIn("admin", "linkport-demo");
            admin.waitForPath("/");
            admin.open("/approvals");
            admin.waitFor(By.id("approve-" + requestId));
            admin.until(d -> admin.waitFor(By.id("approvals-grid")).getText().contains("$15.60 / month"));
            admin.screenshot("core-7-approvals");
            admin.click(By.id("approve-" + requestId));
            admin.until(d -> d.findElements(By.id("approve-" + requestId)).stream().noneMatch(WebElement::isDisplayed));
            admin.screenshot("core-8-approvals-after");
        }

        browser.until(d -> text("endpoint-state").equals("AVAILABLE"));
        browser.until(d -> text("dns-regional").endsWith(".vpce.amazonaws.com"));
        assertThat(browser.all(By.cssSelector("[id^='dns-zonal-']"))).hasSize(2);
        assertThat(text("endpoint-timeline")).contains("SUBMITTED → APPROVED").contains("AVAILABLE");
        browser.screenshot("core-9-my-endpoints-available");

        // bob changes it: the dialog has the request form's subnet rules, and he drops the subnet in use1-az2
        browser.click(By.id("change-endpoint"));
        browser.until(d -> browser.all(By.cssSelector("#change-subnets vaadin-checkbox")).size() == 3);
        assertThat(browser.attribute(option("change-subnets", "use1-az4"), "disabled")).isNotNull();
        browser.until(d -> browser.attribute(option("change-subnets", "use1-az2"), "checked") != null);
        browser.screenshot("core-9b-change-endpoint");
        browser.click(optionLabel("change-subnets", "use1-az2"));
        browser.click(By.id("change-save"));
        browser.until(d -> text("endpoint-timeline").contains("Changed in AWS: subnets −"));
        browser.until(d -> browser.all(By.cssSelector("[id^='dns-zonal-']")).size() == 1);
        assertThat(browser.all(By.id("endpoint-change-progress"))).isEmpty();

        // ten days of synthetic traffic in the sandbox's CloudWatch: the usage charts show it
        String endpointId = users.as("bob", () -> requests.detail(UUID.fromString(requestId))).vpcEndpointId();
        sandbox.control().backdateEndpoint(endpointId, Instant.now().minus(Duration.ofDays(10)));
        browser.click(By.xpath("//vaadin-tab[contains(., '30 days')]"));
        browser.until(d -> browser.all(By.cssSelector("#usage-bytes rect.bar")).size() >= 10);
        assertThat(text("usage-month-cost")).startsWith("Cost this month so far: $");
        browser.screenshot("core-9b-usage-30-days");
        browser.click(By.xpath("//vaadin-tab[contains(., '24 hours')]"));
        browser.until(d -> browser.all(By.cssSelector("#usage-bytes rect.bar")).size() >= 23);
        assertThat(browser.all(By.cssSelector("#usage-connections rect.bar"))).hasSizeGreaterThanOrEqualTo(23);
        browser.screenshot("core-9c-usage-24-hours");

        // bob deletes it
        browser.click(By.id("delete-endpoint"));
        browser.click(By.xpath("//vaadin-button[@slot='confirm-button']"));
        browser.until(d -> text("endpoint-state").equals("DELETED"));
        assertThat(browser.all(By.id("delete-endpoint"))).isEmpty();
        browser.screenshot("core-10-my-endpoints-deleted");
    }

    private static By input(String fieldId) {
        return By.cssSelector("#" + fieldId + " input");
    }

    private String text(String id) {
        try {
            List<WebElement> found = browser.all(By.id(id));
            return found.isEmpty() ? "" : found.getFirst().getText();
        } catch (StaleElementReferenceException rerendered) {
            return ""; // the view was just redrawn by a live update; the next poll reads the new one
        }
    }

    /** The checkbox or radio button of a group whose label contains the text. */
    private static By option(String groupId, String label) {
        return By.xpath(optionPath(groupId, label));
    }

    /**
     * The label of that checkbox or radio button: with its (transparent) input, the part that takes a click;
     * the rest of the element ignores clicks.
     */
    private static By optionLabel(String groupId, String label) {
        return By.xpath(optionPath(groupId, label) + "/label");
    }

    private static String optionPath(String groupId, String label) {
        return "//*[@id='" + groupId + "']//*[self::vaadin-checkbox or self::vaadin-radio-button][contains(., '" + label
                + "')]";
    }
}
