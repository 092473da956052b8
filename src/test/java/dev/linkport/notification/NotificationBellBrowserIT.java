package dev.linkport.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.notification.service.NotificationService;
import dev.linkport.support.BrowserTest;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.TestUsers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** The bell in the header, and the admin pages for operations and audit, in a real browser. */
@LinkportIntegrationTest
class NotificationBellBrowserIT extends BrowserTest {

    @Autowired TestUsers users;
    @Autowired LoopFixture loop;
    @Autowired EndpointRequestService requests;
    @Autowired NotificationService notifications;

    @Test
    void theBellShowsAnUnreadCountThatAppearsLiveWhenARequestArrives() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        users.run("alice", notifications::markAllRead);
        browser.signIn("alice", "linkport-demo");
        browser.waitForPath("/");
        browser.waitFor(By.id("notification-bell"));
        By count = By.id("notification-count");
        assertThat(browser.displayed(count)).isEmpty();

        // bob asks while alice's page stays open: no reload
        users.as("bob", () -> requests.submit(loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, service)));

        browser.until(d -> browser.text(count).equals("1"));
        browser.screenshot("notification-bell-unread");

        browser.click(By.id("notification-bell"));
        By unread = By.cssSelector(".notification-item.unread");
        assertThat(browser.text(unread)).contains("New request to decide").contains(service.name());
        browser.screenshot("notification-popover");

        browser.click(By.cssSelector(".notification-item.unread vaadin-button"));
        browser.until(d -> browser.displayed(count).isEmpty());
        assertThat(users.as("alice", notifications::unreadCount)).isZero();
    }

    @Test
    void anAdminSeesOperationsAndCanExportTheAuditLogWhileOthersAreTurnedAway() {
        browser.signIn("admin", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/operations");
        browser.waitFor(By.cssSelector(".operations-view vaadin-grid"));
        assertThat(browser.text(By.cssSelector(".operations-view .stats"))).contains("Failed")
                .contains("Open drift");
        browser.screenshot("operations-jobs");
        browser.click(By.xpath("//vaadin-tab[contains(., 'Drift')]"));
        browser.waitFor(By.xpath("//vaadin-button[contains(., 'Reconcile now')]"));
        browser.screenshot("operations-drift");

        browser.open("/audit");
        assertThat(browser.attribute(By.id("audit-export"), "href")).isNotBlank();
        browser.screenshot("audit");
        // filtering by an actor nobody is leaves no line
        browser.fill(By.cssSelector("#audit-filter-actor input"), "nobody-acts-like-this");
        browser.until(d -> browser.text(By.id("audit-matching")).equals("0 lines match"));
        browser.until(d -> browser.gridRows("audit-grid").isEmpty());

        browser.signOut();
        browser.signIn("bob", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/operations");
        browser.until(d -> !browser.all(By.cssSelector(".operations-view")).isEmpty()
                || d.getPageSource().toLowerCase().contains("access") || d.getPageSource().contains("not found"));
        assertThat(browser.all(By.cssSelector(".operations-view"))).isEmpty();
        List<WebElement> grids = browser.all(By.cssSelector("vaadin-grid"));
        assertThat(grids).isEmpty();
        browser.screenshot("operations-as-bob");
    }
}
