package dev.linkport.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.support.Browser;
import dev.linkport.support.BrowserTest;
import dev.linkport.support.LinkportIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * The core loop as people do it in the browser: alice publishes, bob finds and requests, an admin
 * approves in a second browser while bob's My endpoints page turns AVAILABLE by itself, bob deletes.
 */
@LinkportIntegrationTest
class CoreLoopBrowserIT extends BrowserTest {

    @Test
    void aProviderPublishesAConsumerRequestsAnAdminApprovesAndTheConsumerSeesItLiveThenDeletesIt() {
        String name = "ledger-ui-" + UUID.randomUUID().toString().substring(0, 6);

        // alice publishes payments-ledger with the ADMIN policy
        browser.signIn("alice", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/my-services");
        browser.waitFor(By.id("publish-service")).click();
        browser.waitForPath("/my-services/new");
        input("publish-name").sendKeys(name);
        input("publish-summary").sendKeys("The payments ledger, through PrivateLink");
        browser.waitFor(By.cssSelector("#publish-description textarea"))
                .sendKeys("Double-entry ledger.\n\n<script>alert('not run')</script> stays text.");
        WebElement ledger = browser.until(d -> option("publish-nlbs", "payments-ledger"));
        assertThat(ledger.getText()).contains("internal").contains("us-east-1a (use1-az1)").contains("3 zones");
        click(ledger.findElement(By.cssSelector("input")));
        click(option("publish-policy", "Platform admins").findElement(By.cssSelector("input")));
        browser.screenshot("core-1-publish-form");
        click(browser.waitFor(By.id("publish-submit")));

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
        input("catalog-search").sendKeys(name);
        WebElement row = browser.until(d -> d.findElements(By.cssSelector("#catalog-grid vaadin-grid-cell-content"))
                .stream().filter(c -> c.getText().contains(name)).findFirst().orElse(null));
        browser.screenshot("core-4-catalog-search");
        row.click();
        browser.until(d -> browser.path().startsWith("/services/"));
        String serviceId = browser.path().substring("/services/".length());
        browser.waitFor(By.id("request-endpoint")).click();
        browser.waitForPath("/services/" + serviceId + "/request");

        WebElement outside = browser.until(d -> option("request-subnets", "use1-az4"));
        assertThat(outside.getText()).contains("us-east-1a (use1-az4): the service is not in this zone");
        assertThat(outside.getAttribute("disabled")).isNotNull();
        List<WebElement> subnets = browser.all(By.cssSelector("#request-subnets vaadin-checkbox"));
        assertThat(subnets).hasSize(3);
        assertThat(text("request-cost")).isEqualTo("choose subnets to see the estimate");
        click(option("request-subnets", "use1-az1"));
        click(option("request-subnets", "use1-az2"));
        browser.until(d -> text("request-cost").startsWith("$14.60 a month (2 zones"));
        click(browser.waitFor(By.id("request-submit"))); // without a justification: the server's rule shows on the field
        browser.until(d -> String.valueOf(browser.waitFor(By.id("request-justification")).getDomProperty("errorMessage"))
                .contains("Say why your team needs this endpoint"));
        assertThat(browser.path()).isEqualTo("/services/" + serviceId + "/request");
        browser.waitFor(By.cssSelector("#request-justification textarea")).sendKeys("Checkout books payments");
        browser.screenshot("core-5-request-form");
        click(browser.waitFor(By.id("request-submit")));

        browser.until(d -> browser.path().startsWith("/my-endpoints/"));
        String requestId = browser.path().substring("/my-endpoints/".length());
        browser.until(d -> text("endpoint-state").equals("SUBMITTED"));
        browser.screenshot("core-6-my-endpoints-submitted");

        // an admin approves in a second browser; bob's page stays open and is not reloaded
        try (Browser admin = Browser.start(port)) {
            admin.open("/login"); // a fresh browser shows "data:,", which has no path yet
            admin.signIn("admin", "linkport-demo");
            admin.waitForPath("/");
            admin.open("/approvals");
            admin.waitFor(By.id("approve-" + requestId));
            admin.screenshot("core-7-approvals");
            admin.waitFor(By.id("approve-" + requestId)).click();
            admin.until(d -> d.findElements(By.id("approve-" + requestId)).stream().noneMatch(WebElement::isDisplayed));
            admin.screenshot("core-8-approvals-after");
        }

        browser.until(d -> text("endpoint-state").equals("AVAILABLE"));
        browser.until(d -> text("dns-regional").endsWith(".vpce.amazonaws.com"));
        assertThat(browser.all(By.cssSelector("[id^='dns-zonal-']"))).hasSize(2);
        assertThat(text("endpoint-timeline")).contains("SUBMITTED → APPROVED").contains("AVAILABLE");
        browser.screenshot("core-9-my-endpoints-available");

        // bob deletes it
        browser.waitFor(By.id("delete-endpoint")).click();
        browser.waitFor(By.xpath("//vaadin-button[@slot='confirm-button']")).click();
        browser.until(d -> text("endpoint-state").equals("DELETED"));
        assertThat(browser.all(By.id("delete-endpoint"))).isEmpty();
        browser.screenshot("core-10-my-endpoints-deleted");
    }

    /** Scrolls the element to the middle of the window first: forms are longer than the window. */
    private void click(WebElement element) {
        browser.js("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private WebElement input(String fieldId) {
        return browser.waitFor(By.cssSelector("#" + fieldId + " input"));
    }

    private String text(String id) {
        try {
            List<WebElement> found = browser.all(By.id(id));
            return found.isEmpty() ? "" : found.getFirst().getText();
        } catch (StaleElementReferenceException rerendered) {
            return ""; // the view was just redrawn by a live update; the next poll reads the new one
        }
    }

    /** The checkbox or radio button of a group whose label contains the text, or null. */
    private WebElement option(String groupId, String label) {
        return browser.all(By.cssSelector("#" + groupId + " vaadin-checkbox, #" + groupId + " vaadin-radio-button"))
                .stream().filter(o -> o.getText().contains(label)).findFirst().orElse(null);
    }
}
